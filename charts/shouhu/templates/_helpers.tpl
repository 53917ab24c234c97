{{/* Prefix of every resource name: the release name, or fullnameOverride. */}}
{{- define "shouhu.fullname" -}}
{{- default .Release.Name .Values.fullnameOverride | trunc 40 | trimSuffix "-" -}}
{{- end -}}

{{/* Labels of one component; call with (dict "root" $ "name" "registry"). */}}
{{- define "shouhu.labels" -}}
{{ include "shouhu.selectorLabels" . }}
app.kubernetes.io/part-of: shouhu
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version }}
{{- end -}}

{{- define "shouhu.selectorLabels" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end -}}
