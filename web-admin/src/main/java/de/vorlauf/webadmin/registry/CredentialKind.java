package de.vorlauf.webadmin.registry;

import de.vorlauf.persistence.registry.Credential;
import de.vorlauf.persistence.registry.CredentialOwner;
import java.time.Instant;
import java.util.function.BiFunction;

/**
 * Whose credentials an API call means, and the DTOs it answers with: devices and gateways share one
 * lifecycle ({@link CredentialService}); their answers differ only in the owner's field name.
 *
 * @param <D> the credential without its secret
 * @param <I> the answer of issue and rotate, with the secret
 */
public final class CredentialKind<D, I> {

  public static final CredentialKind<CredentialDto, IssuedCredentialDto> DEVICE =
      new CredentialKind<>(
          CredentialOwner.DEVICE, CredentialMapper::toDeviceDto, IssuedCredentialDto::new);

  public static final CredentialKind<GatewayCredentialDto, IssuedGatewayCredentialDto> GATEWAY =
      new CredentialKind<>(
          CredentialOwner.GATEWAY, CredentialMapper::toGatewayDto, IssuedGatewayCredentialDto::new);

  /** Builds the answer of issue and rotate. */
  @FunctionalInterface
  interface Issued<D, I> {
    I of(D credential, String token, String mqttUsername, String notice);
  }

  final CredentialOwner owner;
  final BiFunction<Credential, Instant, D> toDto;
  final Issued<D, I> issued;

  private CredentialKind(
      CredentialOwner owner, BiFunction<Credential, Instant, D> toDto, Issued<D, I> issued) {
    this.owner = owner;
    this.toDto = toDto;
    this.issued = issued;
  }
}
