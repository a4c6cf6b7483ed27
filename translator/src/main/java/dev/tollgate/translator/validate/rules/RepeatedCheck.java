package dev.tollgate.translator.validate.rules;

import dev.tollgate.translator.validate.Location;
import dev.tollgate.translator.validate.ViolationSink;
import io.envoyproxy.pgv.validate.Validate.RepeatedRules;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** PGV's repeated rules: min_items, max_items, unique, items (checked per element), ignore_empty. */
final class RepeatedCheck implements FieldCheck {

  private final RepeatedRules r;
  private final FieldCheck items;

  RepeatedCheck(RepeatedRules rules, FieldCheck items) {
    this.r = rules;
    this.items = items;
  }

  @Override
  public void check(Object value, Location path, ViolationSink sink) {
    List<?> list = (List<?>) value;
    if (r.getIgnoreEmpty() && list.isEmpty()) {
      return;
    }
    if (r.hasMinItems() && list.size() < r.getMinItems()) {
      sink.add(path, "must have at least " + r.getMinItems() + (r.getMinItems() == 1 ? " item" : " items"));
    }
    if (r.hasMaxItems() && list.size() > r.getMaxItems()) {
      sink.add(path, "must have at most " + r.getMaxItems() + (r.getMaxItems() == 1 ? " item" : " items"));
    }
    if (r.getUnique()) {
      Set<Object> seen = new HashSet<>();
      for (int i = 0; i < list.size(); i++) {
        if (!seen.add(list.get(i))) {
          sink.add(path.index(i), "repeats an earlier item; items must be unique");
        }
      }
    }
    if (items != null) {
      for (int i = 0; i < list.size(); i++) {
        items.check(list.get(i), path.index(i), sink);
      }
    }
  }
}
