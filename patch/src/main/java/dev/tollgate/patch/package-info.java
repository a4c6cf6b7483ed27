/** EnvoyPatchPolicy: RFC 6902 JSON patches, addressed with RFC 9535 JSONPath, over generated xDS. */
package dev.tollgate.patch;
