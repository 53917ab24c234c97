# The six images, for CI systems with Docker (buildx 0.13 or later, for the matrix):
# `docker buildx bake` (all), `docker buildx bake registry`, `TAG=0.2.0 docker buildx bake --push`.
# The build context is the repository root (the uv workspace); images are
# ${REGISTRY}/<component>:${TAG}, what charts/shouhu expects (image.registry, image.tag).

variable "REGISTRY" {
  default = "registry.example.org/shouhu"
}

variable "TAG" {
  default = "0.1.0"
}

group "default" {
  targets = ["services", "gateway"]
}

target "_common" {
  context   = "."
  platforms = ["linux/amd64"]
  args = {
    PYTHON_IMAGE = "python:3.11-slim"
  }
  labels = {
    "org.opencontainers.image.source" = "https://example.org/shouhu"
  }
}

# One target a service, named after it (`docker buildx bake registry`), from the one Dockerfile.
target "services" {
  name       = service
  matrix     = { service = ["registry", "benefits", "education", "volunteers", "notifications"] }
  inherits   = ["_common"]
  dockerfile = "services/Dockerfile"
  args       = { SERVICE = service }
  tags       = ["${REGISTRY}/${service}:${TAG}"]
}

# The console is built into it (a Node stage) and served at /console/.
target "gateway" {
  inherits   = ["_common"]
  dockerfile = "gateway/Dockerfile"
  args       = { NODE_IMAGE = "node:20-slim" }
  tags       = ["${REGISTRY}/gateway:${TAG}"]
}
