package de.vorlauf.persistence.migration;

import de.vorlauf.domain.heating.HeatingType;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;
import java.util.zip.CRC32;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The database's check of {@code buildings.heating_type}, generated from {@link HeatingType}, so
 * the enum is the one list of heating types: V1 wrote the check with the four codes of its time;
 * this repeatable migration replaces it whenever the codes change (its checksum is derived from
 * them) and a new type needs no SQL. Removing a type that buildings still use fails here, with the
 * database's message naming the constraint, and rolls back.
 */
public class R__Heating_type_check extends BaseJavaMigration {

  private final List<String> codes;

  public R__Heating_type_check() {
    this(HeatingType.codes());
  }

  R__Heating_type_check(List<String> codes) {
    this.codes = List.copyOf(codes);
  }

  /**
   * DDL takes no bind parameters; the codes are enum constants, checked to be plain identifiers
   * before they are quoted into the statement.
   */
  static String checkSql(List<String> codes) {
    for (String code : codes) {
      if (!code.matches("[a-z][a-z0-9_]*")) {
        throw new IllegalStateException("not a plain heating type code: " + code);
      }
    }
    return """
        ALTER TABLE buildings
            DROP CONSTRAINT IF EXISTS buildings_heating_type_known,
            ADD CONSTRAINT buildings_heating_type_known CHECK (heating_type IN (%s))
        """
        .formatted(codes.stream().map(c -> "'" + c + "'").collect(Collectors.joining(", ")));
  }

  @Override
  public Integer getChecksum() {
    CRC32 crc = new CRC32();
    crc.update(String.join(",", codes).getBytes(StandardCharsets.UTF_8));
    return (int) crc.getValue();
  }

  @Override
  public void migrate(Context context) throws SQLException {
    try (Statement statement = context.getConnection().createStatement()) {
      statement.execute(checkSql(codes));
    }
  }
}
