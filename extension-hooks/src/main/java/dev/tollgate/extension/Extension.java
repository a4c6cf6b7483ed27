package dev.tollgate.extension;

import dev.tollgate.extension.config.ExtensionSettings;
import dev.tollgate.translator.extension.ExtensionHookStage;
import dev.tollgate.translator.extension.ExtensionHooks;
import dev.tollgate.translator.extension.ExtensionKinds;
import dev.tollgate.translator.extension.TranslationHookStage;
import dev.tollgate.translator.pipeline.OutputStage;
import dev.tollgate.translator.validate.XdsValidator;
import java.util.List;

/**
 * The configured extension server, or none: the kinds it owns and the pipeline stages that call
 * its hooks. Closing it closes the connection.
 */
public final class Extension implements AutoCloseable {

  private static final Extension NONE = new Extension(null, null);

  private final ExtensionSettings settings;
  private final ExtensionHooks hooks;

  private Extension(ExtensionSettings settings, ExtensionHooks hooks) {
    this.settings = settings;
    this.hooks = hooks;
  }

  public static Extension none() {
    return NONE;
  }

  /** An extension reached over gRPC; the connection is made on the first hook call. */
  public static Extension connect(ExtensionSettings settings) {
    return new Extension(settings, new GrpcExtensionHooks(settings));
  }

  /** An extension whose hooks are called directly, in process. */
  public static Extension using(ExtensionSettings settings, ExtensionHooks hooks) {
    return new Extension(settings, hooks);
  }

  public boolean isConfigured() {
    return settings != null;
  }

  public ExtensionKinds kinds() {
    return settings == null ? ExtensionKinds.NONE : settings.kinds();
  }

  /** The route, virtual-host, listener, cluster and endpoints hooks: they run before EnvoyPatchPolicies. */
  public List<OutputStage> inTranslationStages(XdsValidator validator) {
    return settings == null ? List.of() : List.of(new ExtensionHookStage(hooks, settings.hooks(), validator));
  }

  /** The translation hook: it runs after EnvoyPatchPolicies. */
  public List<OutputStage> postTranslationStages(XdsValidator validator) {
    return settings == null ? List.of() : List.of(new TranslationHookStage(hooks, settings.hooks(), validator));
  }

  @Override
  public void close() {
    if (hooks instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        throw new IllegalStateException("closing the extension connection: " + e.getMessage(), e);
      }
    }
  }
}
