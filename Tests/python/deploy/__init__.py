"""Deploys the MacieDynamoDB template to moto and runs the walkthrough against it.

A package, so that its conftest and helper modules are imported as
`deploy.*` and never take the place of another folder's `conftest`.
"""
