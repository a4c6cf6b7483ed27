{{/* The name of most objects: the release name, or "<release>-tollgate" when it does not say tollgate. */}}
{{- define "tollgate.fullname" -}}
{{- if contains "tollgate" .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-tollgate" .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "tollgate.labels" -}}
app.kubernetes.io/name: tollgate
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{- define "tollgate.selectorLabels" -}}
app.kubernetes.io/name: tollgate
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "tollgate.serviceAccountName" -}}
{{- default (include "tollgate.fullname" .) .Values.serviceAccount.name -}}
{{- end -}}

{{/* Where proxy infrastructure lives: infrastructure.namespace, else the release namespace. */}}
{{- define "tollgate.infrastructureNamespace" -}}
{{- default .Release.Namespace .Values.infrastructure.namespace -}}
{{- end -}}

{{- define "tollgate.image" -}}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) -}}
{{- end -}}
