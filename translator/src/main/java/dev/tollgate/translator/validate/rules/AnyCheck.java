package dev.tollgate.translator.validate.rules;

import com.google.protobuf.Message;
import dev.tollgate.translator.validate.Location;
import dev.tollgate.translator.validate.ViolationSink;
import io.envoyproxy.pgv.validate.Validate.AnyRules;

/** PGV's Any rules: required, in and not_in over type URLs. Null means the field is unset. */
final class AnyCheck implements FieldCheck {

  private final AnyRules r;

  AnyCheck(AnyRules rules) {
    this.r = rules;
  }

  @Override
  public void check(Object value, Location path, ViolationSink sink) {
    if (value == null) {
      if (r.getRequired()) {
        sink.add(path, "is required");
      }
      return;
    }
    if (!(value instanceof Message any) || !any.getDescriptorForType().getFullName().equals("google.protobuf.Any")) {
      return; // Any rules on another message type (ExtensionConfigSource.config_source) only ask for presence
    }
    String typeUrl = (String) any.getField(any.getDescriptorForType().findFieldByName("type_url"));
    if (r.getInCount() > 0 && !r.getInList().contains(typeUrl)) {
      sink.add(path, "type must be one of " + r.getInList() + ", not " + typeUrl);
    }
    if (r.getNotInList().contains(typeUrl)) {
      sink.add(path, "type must not be " + typeUrl);
    }
  }
}
