"""The single window (一门受理、协同办理, policy 三(四)2): one application, every department."""
