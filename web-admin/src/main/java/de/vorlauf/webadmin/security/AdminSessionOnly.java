package de.vorlauf.webadmin.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks resources no API token may call, not even a read: the token administration (a token must
 * never mint or revoke tokens) and the session itself. {@link ApiAuthenticationFilter} refuses a
 * token there with 403 whatever its scopes.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface AdminSessionOnly {}
