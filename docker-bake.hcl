# The six images, for CI systems with Docker: `docker buildx bake` (all), `docker buildx bake
# registry`, `TAG=0.2.0 REGISTRY=registry.example.org/shouhu docker buildx bake --push`.
# The build context is the repository root (the uv workspace); images are
# ${REGISTRY}/<component>:${TAG}, what charts/shouhu expects (image.registry, image.tag).

variable "REGISTRY" {
  default = "registry.example.org/shouhu"
}

variable "TAG" {
  default = "0.1.0"
}

group "default" {
  targets = ["registry", "benefits", "education", "volunteers", "notifications", "gateway"]
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

target "registry" {
  inherits   = ["_common"]
  dockerfile = "services/Dockerfile"
  args       = { SERVICE = "registry" }
  tags       = ["${REGISTRY}/registry:${TAG}"]
}

target "benefits" {
  inherits   = ["_common"]
  dockerfile = "services/Dockerfile"
  args       = { SERVICE = "benefits" }
  tags       = ["${REGISTRY}/benefits:${TAG}"]
}

target "education" {
  inherits   = ["_common"]
  dockerfile = "services/Dockerfile"
  args       = { SERVICE = "education" }
  tags       = ["${REGISTRY}/education:${TAG}"]
}

target "volunteers" {
  inherits   = ["_common"]
  dockerfile = "services/Dockerfile"
  args       = { SERVICE = "volunteers" }
  tags       = ["${REGISTRY}/volunteers:${TAG}"]
}

target "notifications" {
  inherits   = ["_common"]
  dockerfile = "services/Dockerfile"
  args       = { SERVICE = "notifications" }
  tags       = ["${REGISTRY}/notifications:${TAG}"]
}

# The console is built into it (a Node stage) and served at /console/.
target "gateway" {
  inherits   = ["_common"]
  dockerfile = "gateway/Dockerfile"
  args       = { NODE_IMAGE = "node:20-slim" }
  tags       = ["${REGISTRY}/gateway:${TAG}"]
}
