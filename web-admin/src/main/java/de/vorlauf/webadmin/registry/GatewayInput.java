package de.vorlauf.webadmin.registry;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A gateway as ops create or update it; its id is its MQTT user name. */
public record GatewayInput(
    @NotBlank(message = "id is required")
        @Pattern(
            regexp = Ids.PATTERN,
            message =
                "id must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit")
        String id,
    @Size(max = 500, message = "description must be at most 500 characters") String description) {

  public GatewayInput withId(String value) {
    return new GatewayInput(value, description);
  }
}
