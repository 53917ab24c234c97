{{/*
One component, a service or the gateway: its Deployment and Service.
Call with (dict "root" $ "name" "registry"); the values are .Values.services.<name> or
.Values.gateway, with .Values.defaults where the component leaves its own empty.
*/}}
{{- define "shouhu.component" -}}
{{- $v := .root.Values -}}
{{- $p := $v.platform -}}
{{- $fullname := include "shouhu.fullname" .root -}}
{{- $gateway := eq .name "gateway" -}}
{{- $own := $v.gateway -}}
{{- if not $gateway }}{{ $own = index $v.services .name }}{{ end -}}
{{- $image := $own.image | default dict -}}
{{- $repository := $image.repository | default (printf "%s/%s" $v.image.registry .name) -}}
{{- $tag := $image.tag | default $v.image.tag | default .root.Chart.AppVersion -}}
{{- $env := merge (dict) ($own.env | default dict) ($v.defaults.env | default dict) -}}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ $fullname }}-{{ .name }}
  labels:
    {{- include "shouhu.labels" . | nindent 4 }}
spec:
  replicas: {{ $own.replicas }}
  revisionHistoryLimit: 5
  strategy:
    type: RollingUpdate
    rollingUpdate: {maxSurge: 1, maxUnavailable: 0}
  selector:
    matchLabels:
      {{- include "shouhu.selectorLabels" . | nindent 6 }}
  template:
    metadata:
      labels:
        {{- include "shouhu.labels" . | nindent 8 }}
    spec:
      automountServiceAccountToken: false
      {{- with $v.imagePullSecrets }}
      imagePullSecrets:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      securityContext:
        runAsNonRoot: true
        runAsUser: 10001
        runAsGroup: 10001
        seccompProfile: {type: RuntimeDefault}
      containers:
        - name: {{ .name }}
          image: "{{ $repository }}:{{ $tag }}"
          imagePullPolicy: {{ $v.image.pullPolicy | default "IfNotPresent" }}
          ports:
            - {name: http, containerPort: 8000}
          env:
            - {name: SHOUHU_MODE, value: production}
            - {name: SHOUHU_SERVICE_NAME, value: {{ .name | quote }}}
            # uvicorn's worker processes (its --workers defaults to this variable).
            - {name: WEB_CONCURRENCY, value: {{ $own.workers | default 2 | quote }}}
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
            {{- if $gateway }}
            - {name: SHOUHU_REGISTRY_URL, value: "http://{{ $fullname }}-registry:8000"}
            - {name: SHOUHU_BENEFITS_URL, value: "http://{{ $fullname }}-benefits:8000"}
            - {name: SHOUHU_EDUCATION_URL, value: "http://{{ $fullname }}-education:8000"}
            - {name: SHOUHU_VOLUNTEERS_URL, value: "http://{{ $fullname }}-volunteers:8000"}
            - {name: SHOUHU_NOTIFICATIONS_URL, value: "http://{{ $fullname }}-notifications:8000"}
            - {name: SHOUHU_MAX_QUERY_DEPTH, value: {{ $own.maxQueryDepth | default 10 | quote }}}
            {{- else }}
            - {name: SHOUHU_TRANSPORT, value: kafka}
            - name: SHOUHU_KAFKA_BOOTSTRAP
              value: {{ required "platform.kafkaBootstrap is required" $p.kafkaBootstrap | quote }}
            - {name: SHOUHU_RUN_WORKER, value: "true"}
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
          # Startup allows for the migrations applied before the app listens.
          startupProbe:
            httpGet: {path: /healthz, port: http}
            periodSeconds: 5
            failureThreshold: 60
          livenessProbe:
            httpGet: {path: /healthz, port: http}
            periodSeconds: 10
            timeoutSeconds: 3
          readinessProbe:
            httpGet: {path: /readyz, port: http}
            periodSeconds: 10
            timeoutSeconds: 10
          resources:
            {{- toYaml ($own.resources | default $v.defaults.resources) | nindent 12 }}
          securityContext:
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            capabilities: {drop: [ALL]}
          volumeMounts:
            - {name: tmp, mountPath: /tmp}
      volumes:
        - {name: tmp, emptyDir: {}}
---
apiVersion: v1
kind: Service
metadata:
  name: {{ $fullname }}-{{ .name }}
  labels:
    {{- include "shouhu.labels" . | nindent 4 }}
spec:
  type: ClusterIP
  selector:
    {{- include "shouhu.selectorLabels" . | nindent 4 }}
  ports:
    - {name: http, port: 8000, targetPort: http}
{{- end -}}
