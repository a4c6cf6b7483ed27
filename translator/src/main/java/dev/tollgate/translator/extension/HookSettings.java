package dev.tollgate.translator.extension;

import java.util.Set;

/**
 * How the extension's hooks are used.
 *
 * @param enabled the hooks called; the others are skipped
 * @param failOpen when true a failed hook leaves the resource as Tollgate made it; when false the
 *     Gateway's configuration is not updated
 * @param translation which resource types the translation hook receives and may replace
 * @param allowAuthorizationChanges when false (the default) an answer that would weaken the
 *     authentication or authorization SecurityPolicies put in place is refused, as an invalid one
 */
public record HookSettings(Set<Hook> enabled, boolean failOpen, TranslationScope translation, boolean allowAuthorizationChanges) {

  public HookSettings {
    enabled = Set.copyOf(enabled);
  }

  public boolean isEnabled(Hook hook) {
    return enabled.contains(hook);
  }

  /**
   * Envoy Gateway's {@code translation.<type>.includeAll}: clusters and secrets are sent by
   * default, listeners and routes only when asked for.
   */
  public record TranslationScope(boolean listeners, boolean routes, boolean clusters, boolean secrets) {
    public static final TranslationScope DEFAULT = new TranslationScope(false, false, true, true);
  }
}
