package dev.tollgate.translator.admission;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.translator.admission.cel.KubernetesCel;
import dev.tollgate.translator.admission.meta.ObjectMetaRules;
import dev.tollgate.translator.admission.rules.ValidationRules;
import dev.tollgate.translator.admission.schema.KindSchema;
import dev.tollgate.translator.admission.schema.SchemaCatalog;
import dev.tollgate.translator.input.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks an object as the Kubernetes API server checks it before storing it, for inputs that
 * reach Tollgate without one (files, standard input): nulls pruned and defaults set as the schema
 * says, then the schema's value checks with unknown fields refused, metadata syntax, list-type
 * invariants and the schema's CEL rules. An object with any error is refused whole.
 */
public final class Admission {

  private static final String RULES_SKIPPED = "some validation rules were not checked because the object was invalid; "
      + "correct the existing errors to complete validation";
  private static final Admission STANDARD = new Admission(SchemaCatalog.shared(), new ValidationRules(KubernetesCel.newEnvironment()));

  private final SchemaCatalog catalog;
  private final ValidationRules rules;

  Admission(SchemaCatalog catalog, ValidationRules rules) {
    this.catalog = catalog;
    this.rules = rules;
  }

  /** The checks of the schemas Tollgate ships, shared by every reader in the process. */
  public static Admission standard() {
    return STANDARD;
  }

  /**
   * The outcome of admission.
   *
   * @param object the object with its defaults, when admitted
   * @param errors every reason it was refused; empty when admitted
   */
  public record Verdict(ObjectNode object, List<FieldError> errors) {
    public boolean admitted() {
      return errors.isEmpty();
    }
  }

  /** Checks {@code document}, an object of {@code kind} at {@code version}, which it may change (defaults). */
  public Verdict admit(Kind kind, String version, ObjectNode document) {
    Optional<KindSchema> schema = catalog.schema(kind.group(), kind.plural(), version);
    if (schema.isEmpty()) {
      return new Verdict(document, List.of(new FieldError(FieldError.Type.UNSUPPORTED, "apiVersion",
          "Tollgate has no schema for " + kind.kind() + " " + version)));
    }
    schema.get().applyDefaults(document);
    List<FieldError> errors = new ArrayList<>(schema.get().checkValues(document));
    ObjectMetaRules.check(document.path("metadata"), kind.nameFormat(), errors);
    if (errors.stream().anyMatch(e -> e.type().blocksRules())) {
      errors.add(new FieldError(FieldError.Type.INVALID, "", RULES_SKIPPED));
    } else {
      rules.check(schema.get().structure(), document, errors);
    }
    return new Verdict(document, List.copyOf(errors));
  }
}
