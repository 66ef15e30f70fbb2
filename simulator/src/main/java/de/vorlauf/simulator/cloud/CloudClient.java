package de.vorlauf.simulator.cloud;

import java.util.Objects;

/** An OAuth2 client the cloud accepts at its token endpoint. */
public record CloudClient(String clientId, String clientSecret) {

  public CloudClient {
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(clientSecret, "clientSecret");
  }

  @Override
  public String toString() {
    return "CloudClient[clientId=" + clientId + ", clientSecret=***]";
  }
}
