package de.vorlauf.webadmin.audit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A POST that is no operator action, left out of the audit log by {@link AuditFilter}: a machine
 * client's question that the resource records itself, with its caller, where it belongs (e.g.
 * {@code POST /api/v1/optimize}: every call is a row of {@code optimization_results}). At a machine
 * client's rate it would bury the operators' actions and add a write to every call.
 */
@Inherited // a CDI proxy of the resource class keeps it
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface NotAudited {}
