package de.vorlauf.persistence.apitokens;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * SQL of {@code api_tokens} (V170): create, look up by the secret's hash, list, revoke, and add
 * usage in batches. Rules (scopes, expiry bounds) are the caller's; this class stores what it gets.
 */
public class ApiTokenStore {

  private static final String COLUMNS =
      """
      id, name, token_hint, scopes, expires_at, created_at, created_by, revoked_at, revoked_by,
      last_used_at, use_count""";

  // the partial unique index on live names is the only conflict a new random hash can meet
  private static final String INSERT =
      """
      INSERT INTO api_tokens (name, token_sha256, token_hint, scopes, expires_at, created_by)
      VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT DO NOTHING
      RETURNING %s"""
          .formatted(COLUMNS);

  private static final String BY_SHA256 =
      "SELECT " + COLUMNS + " FROM api_tokens WHERE token_sha256 = ?";

  private static final String BY_ID = "SELECT " + COLUMNS + " FROM api_tokens WHERE id = ?";

  private static final String ALL =
      "SELECT " + COLUMNS + " FROM api_tokens ORDER BY created_at DESC, id DESC";

  private static final String REVOKE =
      """
      UPDATE api_tokens SET revoked_at = ?, revoked_by = ?
      WHERE id = ? AND revoked_at IS NULL
      RETURNING %s"""
          .formatted(COLUMNS);

  // GREATEST ignores NULL: the first use sets last_used_at, an older batch never moves it back
  private static final String ADD_USAGE =
      """
      UPDATE api_tokens
      SET use_count = use_count + ?, last_used_at = GREATEST(last_used_at, ?)
      WHERE id = ?""";

  /** A new token's row; the secret itself is never stored. */
  public record NewToken(
      String name,
      ApiTokenSecret secret,
      List<String> scopes,
      Instant expiresAt,
      String createdBy) {}

  /** Uses of one token since the last flush. */
  public record Usage(long tokenId, long uses, Instant lastUsedAt) {}

  private final DataSource dataSource;

  public ApiTokenStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Stores the token.
   *
   * @return the stored row; empty when a live (unrevoked) token has the name already
   */
  public Optional<ApiToken> create(NewToken token) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert = connection.prepareStatement(INSERT)) {
      insert.setString(1, token.name());
      insert.setBytes(2, token.secret().sha256());
      insert.setString(3, token.secret().hint());
      insert.setArray(4, connection.createArrayOf("text", token.scopes().toArray()));
      insert.setObject(5, utc(token.expiresAt()));
      insert.setString(6, token.createdBy());
      return first(insert);
    }
  }

  /** The token whose secret has this SHA-256, revoked and expired ones included. */
  public Optional<ApiToken> findBySha256(byte[] sha256) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(BY_SHA256)) {
      select.setBytes(1, sha256);
      return first(select);
    }
  }

  public Optional<ApiToken> find(long id) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(BY_ID)) {
      select.setLong(1, id);
      return first(select);
    }
  }

  /** Every token, revoked and expired ones included, newest first. */
  public List<ApiToken> all() throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(ALL)) {
      return read(select);
    }
  }

  /**
   * Revokes the token unless it is revoked already (then its first revocation stands).
   *
   * @return the token as it is now; empty for an unknown id
   */
  public Optional<ApiToken> revoke(long id, String actor, Instant at) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update = connection.prepareStatement(REVOKE)) {
      update.setObject(1, utc(at));
      update.setString(2, actor);
      update.setLong(3, id);
      Optional<ApiToken> revoked = first(update);
      return revoked.isPresent() ? revoked : find(id);
    }
  }

  /** Adds the uses in one batch (one statement per token, one round trip). */
  public void addUsage(Collection<Usage> usage) throws SQLException {
    if (usage.isEmpty()) {
      return;
    }
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update = connection.prepareStatement(ADD_USAGE)) {
      for (Usage u : usage) {
        update.setLong(1, u.uses());
        update.setObject(2, utc(u.lastUsedAt()));
        update.setLong(3, u.tokenId());
        update.addBatch();
      }
      update.executeBatch();
    }
  }

  private static Optional<ApiToken> first(PreparedStatement statement) throws SQLException {
    return read(statement).stream().findFirst();
  }

  private static List<ApiToken> read(PreparedStatement statement) throws SQLException {
    List<ApiToken> tokens = new ArrayList<>();
    try (ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        tokens.add(
            new ApiToken(
                rows.getLong("id"),
                rows.getString("name"),
                rows.getString("token_hint"),
                scopes(rows.getArray("scopes")),
                instant(rows, "expires_at"),
                instant(rows, "created_at"),
                rows.getString("created_by"),
                instant(rows, "revoked_at"),
                rows.getString("revoked_by"),
                instant(rows, "last_used_at"),
                rows.getLong("use_count")));
      }
    }
    return tokens;
  }

  private static List<String> scopes(Array array) throws SQLException {
    try {
      return List.of((String[]) array.getArray());
    } finally {
      array.free();
    }
  }

  private static Instant instant(ResultSet rows, String column) throws SQLException {
    OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  private static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
