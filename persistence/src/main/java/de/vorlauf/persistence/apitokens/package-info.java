/**
 * API tokens for machine clients (issue 24; migrations V170–V174): {@link
 * de.vorlauf.persistence.apitokens.ApiTokenSecret} ({@code vlt_} + 32 random bytes, stored as
 * SHA-256 for the bearer lookup), {@link de.vorlauf.persistence.apitokens.ApiToken} (a row without
 * the secret) and {@link de.vorlauf.persistence.apitokens.ApiTokenStore} (its SQL, usage added in
 * batches).
 */
package de.vorlauf.persistence.apitokens;
