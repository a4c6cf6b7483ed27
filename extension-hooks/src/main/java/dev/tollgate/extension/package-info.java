/** Calls extension servers speaking Envoy Gateway's extension protocol from the translation pipeline. */
package dev.tollgate.extension;
