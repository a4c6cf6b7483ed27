package dev.tollgate.translator.validate;

import dev.tollgate.translator.xds.XdsType;

/**
 * A resource one resource names: a route configuration's cluster, a listener's route
 * configuration or secret, a cluster's load assignment.
 *
 * @param target what kind of resource is named
 * @param name its name
 * @param path where the name stands in the referring resource
 * @param mayBeMissing the referrer says what happens when it is missing (a route with
 *     cluster_not_found_response_code set to an error), so absence is intended
 * @param weighted the name is a weighted cluster, which its route may allow to be missing
 */
record References(XdsType target, String name, FieldPath path, boolean mayBeMissing, boolean weighted) {

  static References to(XdsType target, String name, FieldPath path) {
    return new References(target, name, path, false, false);
  }

  References allowedMissing() {
    return new References(target, name, path, true, weighted);
  }
}
