{{/* Prefix of every resource name: the release name, or fullnameOverride. */}}
{{- define "shouhu.fullname" -}}
{{- default .Release.Name .Values.fullnameOverride | trunc 40 | trimSuffix "-" -}}
{{- end -}}

{{/* Labels of one part of a component; call with (dict "root" $ "name" "registry" "part" "api"). */}}
{{- define "shouhu.labels" -}}
{{ include "shouhu.selectorLabels" . }}
app.kubernetes.io/part-of: shouhu
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version }}
{{- end -}}

{{/* The part: api (the default), worker, migrate, topics, test, config. */}}
{{- define "shouhu.selectorLabels" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .part | default "api" }}
{{- end -}}

{{/* Every pod of the release, whichever component (the default-deny NetworkPolicy's). */}}
{{- define "shouhu.releaseLabels" -}}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/part-of: shouhu
{{- end -}}

{{/* A pod's securityContext: the images' uid 10001 unless told (runAsUser), nothing more. */}}
{{- define "shouhu.podSecurity" -}}
runAsNonRoot: true
runAsUser: {{ .runAsUser | default 10001 }}
runAsGroup: {{ .runAsUser | default 10001 }}
seccompProfile: {type: RuntimeDefault}
{{- end -}}

{{/* A container's securityContext: read-only root (a writable /tmp is mounted), no privileges. */}}
{{- define "shouhu.containerSecurity" -}}
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
capabilities: {drop: [ALL]}
{{- end -}}

{{/* A NetworkPolicy egress rule from {to, ports}; without peers, any address on those ports. */}}
{{- define "shouhu.egressRule" -}}
- ports:
  {{- range .ports }}
    - {port: {{ . }}, protocol: TCP}
  {{- end }}
  {{- with .to }}
  to:
    {{- toYaml . | nindent 4 }}
  {{- end }}
{{- end -}}
