/**
 * The intermediate representation between the gateway stage and the xDS stage: plain records, no
 * protobuf and no Kubernetes types, serializable to YAML so each stage can be golden-tested alone.
 * Names in the IR are already the final xDS names.
 */
package dev.tollgate.translator.ir;
