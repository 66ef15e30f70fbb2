package de.vorlauf.webadmin.apitokens;

import de.vorlauf.persistence.apitokens.ApiToken;
import de.vorlauf.persistence.apitokens.ApiTokenSecret;
import de.vorlauf.persistence.apitokens.ApiTokenStore;
import de.vorlauf.persistence.apitokens.ApiTokenStore.NewToken;
import de.vorlauf.webadmin.common.ConflictException;
import de.vorlauf.webadmin.common.UnknownEntityException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;

/**
 * Creating, listing and revoking API tokens ({@link ApiTokenRules}); a revocation reaches this
 * instance's {@link ApiTokenAuthenticator} at once, other WAR instances within its cache's TTL.
 */
@ApplicationScoped
public class ApiTokenService {

  @Inject ApiTokenStore store;
  @Inject ApiTokenAuthenticator authenticator;

  private final Clock clock = Clock.systemUTC();

  public CreatedApiTokenDto create(ApiTokenInput input, String actor) throws SQLException {
    ApiTokenRules.Checked checked = ApiTokenRules.check(input, clock.instant());
    ApiTokenSecret secret = ApiTokenSecret.generate();
    ApiToken token =
        store
            .create(
                new NewToken(checked.name(), secret, checked.scopes(), checked.expiresAt(), actor))
            .orElseThrow(
                () ->
                    new ConflictException(
                        "Token name taken",
                        "A live token is named '"
                            + checked.name()
                            + "' already: choose another name or revoke that token first."));
    return new CreatedApiTokenDto(
        token.id(),
        token.name(),
        token.scopes(),
        token.expiresAt(),
        token.createdAt(),
        token.createdBy(),
        secret.value(),
        CreatedApiTokenDto.NOTICE);
  }

  public List<ApiTokenDto> list() throws SQLException {
    return store.all().stream().map(t -> ApiTokenDto.of(t, clock.instant())).toList();
  }

  public ApiTokenDto get(long id) throws SQLException {
    return ApiTokenDto.of(store.find(id).orElseThrow(() -> unknown(id)), clock.instant());
  }

  /** Revokes the token (a second revocation changes nothing); the token as it is now. */
  public ApiTokenDto revoke(long id, String actor) throws SQLException {
    ApiToken token = store.revoke(id, actor, clock.instant()).orElseThrow(() -> unknown(id));
    authenticator.forget(id);
    return ApiTokenDto.of(token, clock.instant());
  }

  private static UnknownEntityException unknown(long id) {
    return new UnknownEntityException("API token", String.valueOf(id));
  }
}
