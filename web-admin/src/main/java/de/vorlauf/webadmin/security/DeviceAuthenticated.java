package de.vorlauf.webadmin.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks resources that devices call with their bearer token instead of an ops login: {@link
 * ApiAuthenticationFilter} leaves them alone and the resource authenticates the token itself.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface DeviceAuthenticated {}
