"""A function whose dependency (greetpkg) is installed into its package from
requirements.txt when the stack is synthesized."""

from greetpkg import greet


def handler(event, context):
    return {"message": greet(event.get("name", "world"))}
