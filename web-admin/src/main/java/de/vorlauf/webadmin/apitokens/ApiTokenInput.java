package de.vorlauf.webadmin.apitokens;

import java.util.List;

/**
 * Body of {@code POST /api/v1/tokens}.
 *
 * @param name who the token is for, e.g. {@code bms-north}: 1–80 letters, digits, space, {@code . _
 *     : -}; unique among live tokens; the caller is named {@code token:<name>}
 * @param scopes {@code optimize}, {@code read}; at least one
 * @param expiresAt ISO instant, after now and at most {@link ApiTokenRules#MAX_LIFETIME} ahead
 */
public record ApiTokenInput(String name, List<String> scopes, String expiresAt) {}
