package de.vorlauf.webadmin.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import de.vorlauf.persistence.apitokens.ApiToken;
import de.vorlauf.webadmin.apitokens.ApiTokenAuthenticator;
import de.vorlauf.webadmin.common.ProblemDto;
import de.vorlauf.webadmin.security.TokenAccess.Need;
import de.vorlauf.webadmin.security.TokenAccess.Outcome;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/**
 * The filter's decisions with the token lookup stubbed: which path a request takes, what it needs,
 * and what each outcome answers.
 */
class ApiAuthenticationFilterTest {

  private static final String SECRET = "vlt_" + "x".repeat(43);
  private static final ApiToken TOKEN =
      new ApiToken(
          9,
          "bms-north",
          "vlt_xxxx",
          List.of("read"),
          Instant.parse("2027-01-01T00:00:00Z"),
          Instant.parse("2026-12-01T00:00:00Z"),
          "alice",
          null,
          null,
          null,
          0);

  static class Resource {
    public void read() {}

    @TokenScope("optimize")
    public void optimize() {}

    @DeviceAuthenticated
    public void ingest() {}
  }

  private final ApiAuthenticationFilter filter = new ApiAuthenticationFilter();
  private final ContainerRequestContext request = mock(ContainerRequestContext.class);
  private final SecurityContext session = mock(SecurityContext.class);

  @BeforeEach
  void wire() {
    filter.tokens = mock(ApiTokenAuthenticator.class);
    when(request.getSecurityContext()).thenReturn(session);
  }

  private void calling(String method, String resourceMethod, String authorization)
      throws Exception {
    ResourceInfo info = mock(ResourceInfo.class);
    when(info.getResourceMethod()).thenReturn(Resource.class.getMethod(resourceMethod));
    when(info.getResourceClass()).thenAnswer(i -> Resource.class);
    filter.resource = info;
    when(request.getMethod()).thenReturn(method);
    when(request.getHeaderString("Authorization")).thenReturn(authorization);
  }

  private Response aborted() {
    ArgumentCaptor<Response> response = ArgumentCaptor.forClass(Response.class);
    verify(request).abortWith(response.capture());
    return response.getValue();
  }

  @Test
  void anAcceptedTokenBecomesThePrincipalInNoRole() throws Exception {
    calling("GET", "read", "Bearer " + SECRET);
    when(filter.tokens.authenticate(SECRET, new Need("read")))
        .thenReturn(new ApiTokenAuthenticator.Result(Outcome.ACCEPTED, TOKEN));

    filter.filter(request);

    ArgumentCaptor<SecurityContext> context = ArgumentCaptor.forClass(SecurityContext.class);
    verify(request).setSecurityContext(context.capture());
    verify(request, never()).abortWith(any());
    Principal principal = context.getValue().getUserPrincipal();
    assertThat(principal.getName()).isEqualTo("token:bms-north");
    assertThat(((TokenPrincipal) principal).tokenId()).isEqualTo(9);
    assertThat(context.getValue().isUserInRole(ApiAuthenticationFilter.ROLE)).isFalse();
    assertThat(context.getValue().getAuthenticationScheme()).isEqualTo("Bearer");
  }

  @Test
  void aMarkedResourceAsksForItsScopeAndAMissingOneIs403NamingIt() throws Exception {
    calling("POST", "optimize", "bearer  " + SECRET + " ");
    when(filter.tokens.authenticate(SECRET, new Need("optimize")))
        .thenReturn(new ApiTokenAuthenticator.Result(Outcome.SCOPE, TOKEN));

    filter.filter(request);

    Response response = aborted();
    assertThat(response.getStatus()).isEqualTo(403);
    assertThat(response.getMediaType().toString()).isEqualTo(ProblemDto.MEDIA_TYPE);
    assertThat(((ProblemDto) response.getEntity()).title()).isEqualTo("Scope optimize required");
    assertThat(response.getHeaderString("WWW-Authenticate"))
        .contains("insufficient_scope", "scope=\"optimize\"");
  }

  @Test
  void aMutationByTokenNeedsAnAdminSession() throws Exception {
    calling("DELETE", "read", "Bearer " + SECRET);
    when(filter.tokens.authenticate(eq(SECRET), any()))
        .thenReturn(new ApiTokenAuthenticator.Result(Outcome.SCOPE, TOKEN));

    filter.filter(request);

    verify(filter.tokens).authenticate(SECRET, new Need(null));
    assertThat(((ProblemDto) aborted().getEntity()).title()).isEqualTo("Admin session required");
  }

  @Test
  void unknownRevokedAndExpiredAre401SayingWhich() throws Exception {
    ApiToken revoked =
        new ApiToken(
            9,
            "bms-north",
            "vlt_xxxx",
            List.of("read"),
            TOKEN.expiresAt(),
            TOKEN.createdAt(),
            "alice",
            Instant.parse("2026-12-03T00:00:00Z"),
            "bob",
            null,
            0);
    for (var outcome :
        List.of(
            new ApiTokenAuthenticator.Result(Outcome.UNKNOWN, null),
            new ApiTokenAuthenticator.Result(Outcome.REVOKED, revoked),
            new ApiTokenAuthenticator.Result(Outcome.EXPIRED, TOKEN))) {
      wire();
      org.mockito.Mockito.reset(request);
      when(request.getSecurityContext()).thenReturn(session);
      calling("GET", "read", "Bearer " + SECRET);
      when(filter.tokens.authenticate(eq(SECRET), any())).thenReturn(outcome);

      filter.filter(request);

      Response response = aborted();
      assertThat(response.getStatus()).isEqualTo(401);
      assertThat(response.getHeaderString("WWW-Authenticate")).contains("invalid_token");
      assertThat(((ProblemDto) response.getEntity()).title())
          .isEqualTo(
              switch (outcome.outcome()) {
                case UNKNOWN -> "Unknown API token";
                case REVOKED -> "API token revoked";
                default -> "API token expired";
              });
    }
  }

  @Test
  void aBearerHeaderWithoutASecretIsAnUnknownToken() throws Exception {
    calling("GET", "read", "Bearer");
    when(filter.tokens.authenticate(isNull(), any()))
        .thenReturn(new ApiTokenAuthenticator.Result(Outcome.UNKNOWN, null));

    filter.filter(request);

    assertThat(aborted().getStatus()).isEqualTo(401);
  }

  @Test
  void theDatabaseDownWhileLookingUpIs503() throws Exception {
    calling("GET", "read", "Bearer " + SECRET);
    when(filter.tokens.authenticate(eq(SECRET), any())).thenThrow(new SQLException("down"));

    filter.filter(request);

    Response response = aborted();
    assertThat(response.getStatus()).isEqualTo(503);
    assertThat(response.getHeaderString("Retry-After")).isEqualTo("10");
  }

  @Test
  void withoutABearerHeaderTheSessionDecidesAsBefore() throws Exception {
    calling("POST", "read", null);
    Principal admin = () -> "admin";
    when(session.getUserPrincipal()).thenReturn(admin);
    when(session.isUserInRole(ApiAuthenticationFilter.ROLE)).thenReturn(true);

    filter.filter(request);

    verify(request, never()).abortWith(any());
    verifyNoInteractions(filter.tokens);

    when(session.getUserPrincipal()).thenReturn(null);
    filter.filter(request);
    assertThat(aborted().getStatus()).isEqualTo(401);
  }

  @Test
  void deviceResourcesAreLeftToTheirOwnCheck() throws Exception {
    calling("POST", "ingest", "Bearer vlf_" + "x".repeat(43));

    filter.filter(request);

    verify(request, never()).abortWith(any());
    verifyNoInteractions(filter.tokens);
  }
}
