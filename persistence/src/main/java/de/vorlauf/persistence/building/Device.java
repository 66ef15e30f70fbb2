package de.vorlauf.persistence.building;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** A gateway ("GreenBox") in a building's boiler room that publishes readings. */
@Entity
@Table(name = "devices")
public class Device {

  @Id
  @Column(name = "id", nullable = false, updatable = false)
  private String id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "building_id", nullable = false)
  private Building building;

  @Column(name = "active", nullable = false)
  private boolean active;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  protected Device() {}

  public Device(String id, Building building, boolean active, Instant createdAt) {
    this.id = Objects.requireNonNull(id, "id");
    this.building = Objects.requireNonNull(building, "building");
    this.active = active;
    this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
  }

  public String getId() {
    return id;
  }

  public Building getBuilding() {
    return building;
  }

  public boolean isActive() {
    return active;
  }

  public void setActive(boolean active) {
    this.active = active;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
