package dev.tollgate.translator.admission.cel;

import dev.cel.compiler.CelCompilerLibrary;
import dev.cel.runtime.CelRuntimeLibrary;

/** One Kubernetes CEL library: its declarations for the checker and its bindings for the runtime. */
interface KubernetesCelLibrary extends CelCompilerLibrary, CelRuntimeLibrary {}
