package de.vorlauf.persistence.building;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A heated building. Its time zone is an IANA id (the database rejects others), because schedules,
 * night setback and daily windows are local time.
 */
@Entity
@Table(name = "buildings")
public class Building {

  @Id
  @Column(name = "id", nullable = false, updatable = false)
  private String id;

  @Column(name = "name", nullable = false)
  private String name;

  @Column(name = "time_zone", nullable = false)
  private String timeZone;

  /**
   * gas, fernwaerme, waermepumpe or hybrid (the source document's values, checked by the database).
   */
  @Column(name = "heating_type", nullable = false)
  private String heatingType;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  protected Building() {}

  public Building(String id, String name, ZoneId timeZone, String heatingType, Instant createdAt) {
    this.id = Objects.requireNonNull(id, "id");
    this.name = Objects.requireNonNull(name, "name");
    this.timeZone = Objects.requireNonNull(timeZone, "timeZone").getId();
    this.heatingType = Objects.requireNonNull(heatingType, "heatingType");
    this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
  }

  public String getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = Objects.requireNonNull(name, "name");
  }

  public ZoneId getTimeZone() {
    return ZoneId.of(timeZone);
  }

  public void setTimeZone(ZoneId timeZone) {
    this.timeZone = Objects.requireNonNull(timeZone, "timeZone").getId();
  }

  public String getHeatingType() {
    return heatingType;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
