package de.vorlauf.webadmin.registry;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A device as ops create or update it.
 *
 * @param gatewayId the gateway that may publish for the device; null or absent: none (an update
 *     replaces the assignment like every other field)
 */
public record DeviceInput(
    @NotBlank(message = "id is required")
        @Pattern(
            regexp = Ids.PATTERN,
            message =
                "id must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit")
        String id,
    @NotBlank(message = "buildingId is required: the building the device is installed in")
        String buildingId,
    @Size(max = 500, message = "description must be at most 500 characters") String description,
    @Pattern(
            regexp = Ids.PATTERN,
            message =
                "gatewayId must be the id of a gateway: 1 to 64 letters, digits, '.', '_' or '-'")
        String gatewayId) {

  public DeviceInput withId(String value) {
    return new DeviceInput(value, buildingId, description, gatewayId);
  }
}
