package de.vorlauf.simulator.cloud;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code POST /iam/oauth2/token}: the OAuth2 client-credentials grant (RFC 6749 §4.4), client
 * authentication by HTTP Basic or by form fields, as the vendor accepts both.
 */
final class TokenEndpoint {

  private final Map<String, CloudClient> clients;
  private final AccessTokens tokens;
  private final StatsCounter stats;

  TokenEndpoint(List<CloudClient> clients, AccessTokens tokens, StatsCounter stats) {
    this.clients =
        clients.stream()
            .collect(Collectors.toUnmodifiableMap(CloudClient::clientId, Function.identity()));
    this.tokens = tokens;
    this.stats = stats;
  }

  CloudResponse handle(String method, String authorization, String formBody) {
    if (!"POST".equals(method)) {
      return CloudResponse.methodNotAllowed("POST");
    }
    Map<String, String> form = Query.parse(formBody);
    String grantType = form.get("grant_type");
    if (grantType == null) {
      return oauthError(400, "invalid_request", "grant_type is missing");
    }
    if (!"client_credentials".equals(grantType)) {
      return oauthError(400, "unsupported_grant_type", "only client_credentials is supported");
    }
    String[] credentials = basicCredentials(authorization);
    if (credentials == null) {
      credentials = new String[] {form.get("client_id"), form.get("client_secret")};
    }
    CloudClient client = authenticate(credentials[0], credentials[1]);
    if (client == null) {
      stats.invalidClient.increment();
      return CloudResponse.json(
          401,
          Map.of("error", "invalid_client"),
          Map.of("WWW-Authenticate", "Basic realm=\"vendor-cloud\""));
    }
    stats.tokensIssued.increment();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("access_token", tokens.issue(client.clientId()));
    body.put("token_type", "Bearer");
    body.put("expires_in", tokens.ttlSeconds());
    return CloudResponse.json(200, body, Map.of("Cache-Control", "no-store"));
  }

  /**
   * RFC 6749 wants Basic credentials form-encoded first, which many clients skip; both readings are
   * accepted so a secret with {@code +} or {@code %} works either way.
   */
  private CloudClient authenticate(String clientId, String secret) {
    if (clientId == null || secret == null) {
      return null;
    }
    CloudClient client = matching(clientId, secret);
    return client != null ? client : matching(Query.decode(clientId), Query.decode(secret));
  }

  private CloudClient matching(String clientId, String secret) {
    CloudClient client = clients.get(clientId);
    boolean matches =
        client != null
            && MessageDigest.isEqual(
                client.clientSecret().getBytes(StandardCharsets.UTF_8),
                secret.getBytes(StandardCharsets.UTF_8));
    return matches ? client : null;
  }

  private static String[] basicCredentials(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    String decoded;
    try {
      decoded =
          new String(
              Base64.getDecoder().decode(authorization.substring(6).strip()),
              StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return new String[] {null, null};
    }
    int colon = decoded.indexOf(':');
    return colon < 0
        ? new String[] {null, null}
        : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
  }

  private static CloudResponse oauthError(int status, String error, String description) {
    return CloudResponse.json(status, Map.of("error", error, "error_description", description));
  }
}
