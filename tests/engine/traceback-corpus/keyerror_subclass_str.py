class MissingSetting(KeyError):
    def __str__(self):
        return f"setting {self.args[0]!r} is required"

raise MissingSetting("timeout")
