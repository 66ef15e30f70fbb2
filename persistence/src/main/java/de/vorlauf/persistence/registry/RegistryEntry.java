package de.vorlauf.persistence.registry;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;
import java.util.Objects;

/**
 * What every registry entry (building, device, gateway) has: an id chosen by ops, an active flag
 * (entries are deactivated, never deleted, so their history keeps its owner) and the times it was
 * created and last changed.
 */
@MappedSuperclass
public abstract class RegistryEntry {

  @Id
  @Column(name = "id", nullable = false, updatable = false)
  private String id;

  @Column(name = "active", nullable = false)
  private boolean active;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected RegistryEntry() {}

  protected RegistryEntry(String id, Instant now) {
    this.id = Objects.requireNonNull(id, "id");
    this.active = true;
    this.createdAt = Objects.requireNonNull(now, "now");
    this.updatedAt = now;
  }

  /** Records a change made at {@code now}. */
  protected final void touch(Instant now) {
    this.updatedAt = now;
  }

  public void setActive(boolean active, Instant now) {
    this.active = active;
    touch(now);
  }

  public String getId() {
    return id;
  }

  public boolean isActive() {
    return active;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }
}
