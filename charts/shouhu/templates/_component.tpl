{{/*
One component, a service or the gateway: its API Deployment and Service, autoscaler, disruption
budget, NetworkPolicies and `helm test` Pod; a service's also its worker Deployment and its
migration Job (a pre-install/pre-upgrade hook, so API pods start on a migrated database).
Call with (dict "root" $ "name" "registry"); the values are .Values.services.<name> or
.Values.gateway, with .Values.defaults where the component leaves its own empty.
*/}}
{{- define "shouhu.component" -}}
{{- $v := .root.Values -}}
{{- $np := $v.networkPolicy -}}
{{- $fullname := include "shouhu.fullname" .root -}}
{{- $gateway := eq .name "gateway" -}}
{{- $own := $v.gateway -}}
{{- if not $gateway }}{{ $own = index $v.services .name }}{{ end -}}
{{- $scaling := merge (dict) ($own.autoscaling | default dict) $v.defaults.autoscaling -}}
{{- $api := dict "root" .root "name" .name "own" $own "part" "api" "resources" ($own.resources | default $v.defaults.resources) -}}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ $fullname }}-{{ .name }}
  labels:
    {{- include "shouhu.labels" $api | nindent 4 }}
spec:
  {{- if not $scaling.enabled }}
  replicas: {{ $own.replicas }}
  {{- end }}
  revisionHistoryLimit: 5
  strategy:
    type: RollingUpdate
    rollingUpdate: {maxSurge: 1, maxUnavailable: 0}
  selector:
    matchLabels:
      {{- include "shouhu.selectorLabels" $api | nindent 6 }}
  template:
    metadata:
      labels:
        {{- include "shouhu.labels" $api | nindent 8 }}
    spec:
      {{- include "shouhu.pod" $api | nindent 6 }}
---
apiVersion: v1
kind: Service
metadata:
  name: {{ $fullname }}-{{ .name }}
  labels:
    {{- include "shouhu.labels" $api | nindent 4 }}
spec:
  type: ClusterIP
  selector:
    {{- include "shouhu.selectorLabels" $api | nindent 4 }}
  ports:
    - {name: http, port: 8000, targetPort: http}
{{- if $scaling.enabled }}
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: {{ $fullname }}-{{ .name }}
  labels:
    {{- include "shouhu.labels" $api | nindent 4 }}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: {{ $fullname }}-{{ .name }}}
  minReplicas: {{ $scaling.minReplicas }}
  maxReplicas: {{ $scaling.maxReplicas }}
  metrics:
    - type: Resource
      resource:
        name: cpu
        target: {type: Utilization, averageUtilization: {{ $scaling.targetCPUUtilizationPercentage }}}
{{- end }}
{{- if $v.podDisruptionBudget.enabled }}
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: {{ $fullname }}-{{ .name }}
  labels:
    {{- include "shouhu.labels" $api | nindent 4 }}
spec:
  maxUnavailable: {{ $v.podDisruptionBudget.maxUnavailable }}
  selector:
    matchLabels:
      {{- include "shouhu.selectorLabels" $api | nindent 6 }}
{{- end }}
{{- if $np.enabled }}
---
# Who reaches the API: the gateway's callers for the gateway, the gateway only for a service;
# and the release's `helm test` Pods.
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: {{ $fullname }}-{{ .name }}-ingress
  labels:
    {{- include "shouhu.labels" $api | nindent 4 }}
spec:
  podSelector:
    matchLabels:
      {{- include "shouhu.selectorLabels" $api | nindent 6 }}
  policyTypes: [Ingress]
  ingress:
    - ports: [{port: 8000, protocol: TCP}]
      {{- if $gateway }}
      {{- with $np.gatewayFrom }}
      from:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- else }}
      from:
        - podSelector:
            matchLabels:
              {{- include "shouhu.selectorLabels" (dict "root" .root "name" "gateway") | nindent 14 }}
      {{- end }}
    - ports: [{port: 8000, protocol: TCP}]
      from:
        - podSelector:
            matchLabels:
              app.kubernetes.io/instance: {{ .root.Release.Name }}
              app.kubernetes.io/component: test
---
# Where every pod of the component goes (API, worker, migration Job), besides DNS.
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: {{ $fullname }}-{{ .name }}-egress
  labels:
    {{- include "shouhu.labels" $api | nindent 4 }}
spec:
  podSelector:
    matchLabels:
      app.kubernetes.io/name: {{ .name }}
      app.kubernetes.io/instance: {{ .root.Release.Name }}
  policyTypes: [Egress]
  egress:
    {{- if $gateway }}
    - ports: [{port: 8000, protocol: TCP}]
      to:
        - podSelector:
            matchLabels:
              app.kubernetes.io/instance: {{ .root.Release.Name }}
              app.kubernetes.io/component: api
    {{- else }}
    {{- include "shouhu.egressRule" $np.postgresql | nindent 4 }}
    {{- include "shouhu.egressRule" $np.kafka | nindent 4 }}
    {{- end }}
    {{- include "shouhu.egressRule" $np.keycloak | nindent 4 }}
    {{- if eq ($v.platform.telemetry.exporter | default "none") "otlp" }}
    {{- include "shouhu.egressRule" $np.otelCollector | nindent 4 }}
    {{- end }}
    {{- with $own.egress }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
{{- end }}
{{- if $v.tests.enabled }}
---
apiVersion: v1
kind: Pod
metadata:
  name: {{ $fullname }}-{{ .name }}-test
  labels:
    {{- include "shouhu.labels" (dict "root" .root "name" .name "part" "test") | nindent 4 }}
  annotations:
    helm.sh/hook: test
    helm.sh/hook-delete-policy: before-hook-creation,hook-succeeded
spec:
  restartPolicy: Never
  automountServiceAccountToken: false
  securityContext:
    {{- include "shouhu.podSecurity" (dict) | nindent 4 }}
  containers:
    - name: readyz
      # The gateway's image: Python and nothing else needed.
      image: {{ include "shouhu.image" (dict "root" .root "name" "gateway" "own" $v.gateway) }}
      command:
        - python
        - -c
        - import sys, urllib.request; print(urllib.request.urlopen(sys.argv[1], timeout=30).read().decode())
        - http://{{ $fullname }}-{{ .name }}:8000/readyz
      resources:
        requests: {cpu: 10m, memory: 32Mi}
        limits: {memory: 64Mi}
      securityContext:
        {{- include "shouhu.containerSecurity" . | nindent 8 }}
{{- end }}
{{- if not $gateway }}
{{- $worker := $own.worker | default dict }}
{{- $run := list "python" "-m" "shouhu.platform.run" }}
{{- $work := dict "root" .root "name" .name "own" $own "part" "worker" "resources" ($worker.resources | default $v.defaults.resources) "command" (concat $run (list "worker" .name)) }}
---
# The relay, the consumers and the timers, apart from the API: one process a pod. Replicas
# share the consumers' partitions; one relay and one of each timer run at a time (locks).
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ $fullname }}-{{ .name }}-worker
  labels:
    {{- include "shouhu.labels" $work | nindent 4 }}
spec:
  replicas: {{ $worker.replicas | default 1 }}
  revisionHistoryLimit: 5
  selector:
    matchLabels:
      {{- include "shouhu.selectorLabels" $work | nindent 6 }}
  template:
    metadata:
      labels:
        {{- include "shouhu.labels" $work | nindent 8 }}
    spec:
      {{- include "shouhu.pod" $work | nindent 6 }}
{{- $migrate := dict "root" .root "name" .name "own" $own "part" "migrate" "resources" $v.defaults.resources "command" (concat $run (list "migrate" .name)) }}
---
# Migrates and seeds the database before the release's pods change; the upgrade waits for it
# and stops if it fails (the old pods keep serving).
apiVersion: batch/v1
kind: Job
metadata:
  name: {{ $fullname }}-{{ .name }}-migrate
  labels:
    {{- include "shouhu.labels" $migrate | nindent 4 }}
  annotations:
    helm.sh/hook: pre-install,pre-upgrade
    helm.sh/hook-weight: "0"
    helm.sh/hook-delete-policy: before-hook-creation,hook-succeeded
spec:
  backoffLimit: 2
  activeDeadlineSeconds: 1800
  template:
    metadata:
      labels:
        {{- include "shouhu.labels" $migrate | nindent 8 }}
    spec:
      {{- include "shouhu.pod" $migrate | nindent 6 }}
{{- end }}
{{- end -}}

{{/* A component's image; call with (dict "root" $ "name" ... "own" <its values>). */}}
{{- define "shouhu.image" -}}
{{- $v := .root.Values -}}
{{- $image := .own.image | default dict -}}
{{- $repository := $image.repository | default (printf "%s/%s" $v.image.registry .name) -}}
{{- $tag := $image.tag | default $v.image.tag | default .root.Chart.AppVersion -}}
"{{ $repository }}:{{ $tag }}"
{{- end -}}

{{/*
The pod spec of one part (api, worker, migrate): the image, the settings, a read-only root with
a writable /tmp, probes where it listens. Call with (dict "root" "name" "own" "part" "resources"
"command").
*/}}
{{- define "shouhu.pod" -}}
{{- $v := .root.Values -}}
automountServiceAccountToken: false
{{- with $v.imagePullSecrets }}
imagePullSecrets:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- if eq .part "migrate" }}
restartPolicy: Never
{{- end }}
securityContext:
  {{- include "shouhu.podSecurity" (dict) | nindent 2 }}
containers:
  - name: {{ .name }}
    image: {{ include "shouhu.image" . }}
    imagePullPolicy: {{ $v.image.pullPolicy | default "IfNotPresent" }}
    {{- with .command }}
    command: {{ toJson . }}
    {{- end }}
    env:
      {{- include "shouhu.env" . | nindent 6 }}
    {{- if ne .part "migrate" }}
    ports:
      - {name: http, containerPort: 8000}
    # The app is built before it listens (settings, rules and templates checked): no migrations.
    startupProbe:
      httpGet: {path: /healthz, port: http}
      periodSeconds: 5
      failureThreshold: 24
    livenessProbe:
      httpGet: {path: /healthz, port: http}
      periodSeconds: 10
      timeoutSeconds: 3
    readinessProbe:
      httpGet: {path: /readyz, port: http}
      periodSeconds: 10
      timeoutSeconds: 10
    {{- end }}
    resources:
      {{- toYaml .resources | nindent 6 }}
    securityContext:
      {{- include "shouhu.containerSecurity" . | nindent 6 }}
    volumeMounts:
      - {name: tmp, mountPath: /tmp}
volumes:
  - {name: tmp, emptyDir: {}}
{{- end -}}

{{/* The SHOUHU_* settings of one part; call as shouhu.pod is called. */}}
{{- define "shouhu.env" -}}
{{- $v := .root.Values -}}
{{- $p := $v.platform -}}
{{- $own := .own -}}
{{- $fullname := include "shouhu.fullname" .root -}}
{{- $env := merge (dict) ($own.env | default dict) ($v.defaults.env | default dict) -}}
- {name: SHOUHU_MODE, value: production}
- {name: SHOUHU_SERVICE_NAME, value: {{ .name | quote }}}
{{- if eq .part "api" }}
# uvicorn's worker processes (its --workers defaults to this variable).
- {name: WEB_CONCURRENCY, value: {{ $own.workers | default 2 | quote }}}
{{- end }}
- name: SHOUHU_OIDC_ISSUER
  value: {{ required "platform.oidcIssuer is required" $p.oidcIssuer | quote }}
- {name: SHOUHU_OIDC_AUDIENCE, value: {{ $p.oidcAudience | default "shouhu-api" | quote }}}
{{- with $p.oidcJwksUrl }}
- {name: SHOUHU_OIDC_JWKS_URL, value: {{ . | quote }}}
{{- end }}
{{- with $p.telemetry }}
- {name: SHOUHU_TELEMETRY_EXPORTER, value: {{ .exporter | default "none" | quote }}}
{{- if eq (.exporter | default "none") "otlp" }}
- name: SHOUHU_OTLP_ENDPOINT
  value: {{ required "platform.telemetry.otlpEndpoint is required with otlp" .otlpEndpoint | quote }}
{{- end }}
{{- end }}
- name: SHOUHU_DATA_KEY
  valueFrom:
    secretKeyRef: {name: {{ $p.dataKeySecret.name | quote }}, key: {{ $p.dataKeySecret.key | quote }}}
- name: SHOUHU_GATEWAY_KEY
  valueFrom:
    secretKeyRef: {name: {{ $p.gatewayKeySecret.name | quote }}, key: {{ $p.gatewayKeySecret.key | quote }}}
{{- if and (has .name (list "registry" "volunteers")) $p.previousDataKeysSecret }}
# Read beside the data key while identity numbers are re-encrypted (docs/deploy.md).
- name: SHOUHU_PREVIOUS_DATA_KEYS
  valueFrom:
    secretKeyRef: {name: {{ $p.previousDataKeysSecret.name | quote }}, key: {{ $p.previousDataKeysSecret.key | quote }}}
{{- end }}
{{- if eq .name "gateway" }}
- {name: SHOUHU_REGISTRY_URL, value: "http://{{ $fullname }}-registry:8000"}
- {name: SHOUHU_BENEFITS_URL, value: "http://{{ $fullname }}-benefits:8000"}
- {name: SHOUHU_EDUCATION_URL, value: "http://{{ $fullname }}-education:8000"}
- {name: SHOUHU_VOLUNTEERS_URL, value: "http://{{ $fullname }}-volunteers:8000"}
- {name: SHOUHU_NOTIFICATIONS_URL, value: "http://{{ $fullname }}-notifications:8000"}
- {name: SHOUHU_MAX_QUERY_DEPTH, value: {{ $own.maxQueryDepth | default 10 | quote }}}
{{- with $own.console }}
{{- with .authority }}
- {name: SHOUHU_CONSOLE_AUTHORITY, value: {{ . | quote }}}
{{- end }}
- {name: SHOUHU_CONSOLE_CLIENT_ID, value: {{ .clientId | default "shouhu-console" | quote }}}
{{- end }}
{{- else }}
- {name: SHOUHU_TRANSPORT, value: kafka}
- name: SHOUHU_KAFKA_BOOTSTRAP
  value: {{ required "platform.kafkaBootstrap is required" $p.kafkaBootstrap | quote }}
- {name: SHOUHU_KAFKA_PARTITIONS, value: {{ $v.kafkaTopics.partitions | quote }}}
# The migration Job migrates and the worker Deployment runs the worker: the API does neither.
- {name: SHOUHU_MIGRATE_ON_START, value: "false"}
- {name: SHOUHU_RUN_WORKER, value: "false"}
- name: SHOUHU_DATABASE_URL
  valueFrom:
    secretKeyRef: {name: {{ $own.database.secretName | quote }}, key: {{ $own.database.secretKey | quote }}}
{{- end }}
{{- range $name, $value := $env }}
- {name: {{ $name }}, value: {{ $value | quote }}}
{{- end }}
{{- range $name, $ref := $own.secretEnv | default dict }}
- name: {{ $name }}
  valueFrom:
    secretKeyRef: {name: {{ $ref.secretName | quote }}, key: {{ $ref.secretKey | quote }}}
{{- end }}
{{- end -}}
