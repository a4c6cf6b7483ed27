package dev.tollgate.translator.gateway.route;

import java.util.List;

/** A route's rules as templates, and what went wrong translating them. */
public record TranslatedRoute(List<RuleTemplate> templates, RouteProblems problems) {}
