"""The Macie walkthrough across an Organization, deployed to moto as far as
moto goes.

generated/MacieDynamoDBMember.stackset.yaml creates a StackSet with
service-managed permissions that deploys the member template (the export
side) to every account of its organizational units, in each of its Regions;
generated/MacieDynamoDBAdministrator.yaml is the stack of the delegated Macie
administrator account (the custom identifier, the job over every member's
export bucket, the findings alerts).

What moto (5.2.5) cannot do, so what is done instead
-----------------------------------------------------
* StackSets across accounts: moto has no AWS Organizations-managed stack
  instances (no service-managed permissions, no automatic deployment to the
  accounts of a unit). Each stack instance the StackSet would create is
  deployed here as the plain stack it is: the StackSet's TemplateBody (checked
  to be generated/MacieDynamoDBMember.yaml byte for byte) in each member
  account the administrator's job names, in each Region of the StackSet, with
  credentials moto issues for that account through sts:AssumeRole (moto keeps
  each account's resources apart by the caller's account). The StackSet
  template itself is checked structurally and by cfn-lint (make lint).
* Macie: moto skips AWS::Macie::CustomDataIdentifier and has no macie2
  classification jobs. The administrator stack is created with its default
  CreateMacieJob=false (the job's custom resource is not created); the job's
  request file (generated/MacieDynamoDBAdministrator.macie-job.json, for
  `aws macie2 create-classification-job`) is filled in for each Region as the
  README says and each bucket it names is looked up in the member account
  that owns it.
* Bucket policies and key policies: moto skips AWS::S3::BucketPolicy and does
  not enforce key policies, so that the administrator's Macie role may read and
  decrypt a member's exports is asserted by the Swift IAM tests
  (MacieOrganizationTests); here the key policy moto stored is read back.
* Delegated administration (Organizations and Macie's organization settings)
  is outside CloudFormation and outside moto: the README gives the commands.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

import pytest

from .cfn_template import load_template, load_template_text
from .harness_config import REPO_ROOT
from .stack_deploy import Deployment, deploy

pytestmark = pytest.mark.filterwarnings("ignore:Tried to parse .* not supported by moto:UserWarning")

GENERATED = REPO_ROOT / "generated"
MEMBER = GENERATED / "MacieDynamoDBMember.yaml"
STACKSET = GENERATED / "MacieDynamoDBMember.stackset.yaml"
ADMINISTRATOR = GENERATED / "MacieDynamoDBAdministrator.yaml"
JOB_REQUEST = GENERATED / "MacieDynamoDBAdministrator.macie-job.json"
MACIE_ROLE = re.compile(r"^arn:\$\{AWS::Partition\}:iam::(\d{12}):role/aws-service-role/macie\.amazonaws\.com/AWSServiceRoleForAmazonMacie$")


@dataclass
class AccountView:
    """moto as one account in one Region sees it: what `deploy` needs of the `moto` fixture."""

    url: str
    region: str
    credentials: dict[str, str]

    def client(self, service: str) -> Any:
        import boto3
        from botocore.config import Config

        return boto3.session.Session(
            aws_access_key_id=self.credentials["AccessKeyId"],
            aws_secret_access_key=self.credentials["SecretAccessKey"],
            aws_session_token=self.credentials["SessionToken"],
            region_name=self.region,
        ).client(service, endpoint_url=self.url, config=Config(retries={"max_attempts": 1, "mode": "standard"}))


def account_view(moto: Any, account: str, region: str) -> AccountView:
    credentials = moto.client("sts").assume_role(
        RoleArn=f"arn:aws:iam::{account}:role/OrganizationAccountAccessRole", RoleSessionName="stack-instance"
    )["Credentials"]
    view = AccountView(moto.url, region, credentials)
    assert view.client("sts").get_caller_identity()["Account"] == account
    return view


def job_bucket_definitions(administrator: dict[str, Any]) -> list[dict[str, Any]]:
    (job,) = [r for r in administrator["Resources"].values() if r["Type"] == "Custom::MacieClassificationJob"]
    return job["Properties"]["JobDefinition"]["s3JobDefinition"]["bucketDefinitions"]


def sub_in_region(value: Any, region: str) -> str:
    """A bucket name the administrator's template writes as `!Sub ...-${AWS::Region}`, in `region`."""
    text = value["Fn::Sub"] if isinstance(value, dict) else value
    assert set(re.findall(r"\$\{([^}]*)\}", text)) <= {"AWS::Region"}, text
    return text.replace("${AWS::Region}", region)


@pytest.fixture(scope="module")
def organization() -> dict[str, Any]:
    for path in (MEMBER, STACKSET, ADMINISTRATOR, JOB_REQUEST):
        if not path.exists():
            pytest.skip(f"{path} does not exist: run `make generate`")
    stackset = load_template(STACKSET)
    (resource,) = stackset["Resources"].values()
    administrator = load_template(ADMINISTRATOR)
    member = load_template(MEMBER)
    (decrypts,) = [s for s in member["Resources"]["DynamoDBMacieKMSKey"]["Properties"]["KeyPolicy"]["Statement"]
                   if s["Sid"] == "MacieServiceLinkedRoleDecrypts"]
    admin_account = MACIE_ROLE.match(decrypts["Principal"]["AWS"]["Fn::Sub"]).group(1)
    return {
        "stackset": resource["Properties"],
        "member_text": MEMBER.read_text(),
        "member": member,
        "administrator": administrator,
        "administrator_account": admin_account,
        "members": [definition["accountId"] for definition in job_bucket_definitions(administrator)],
        "regions": resource["Properties"]["StackInstancesGroup"][0]["Regions"],
    }


def test_the_stackset_carries_the_member_template_to_its_units_and_regions(organization):
    properties = organization["stackset"]
    assert properties["TemplateBody"] == organization["member_text"]
    assert properties["PermissionModel"] == "SERVICE_MANAGED"
    assert properties["AutoDeployment"]["Enabled"] is True
    (group,) = properties["StackInstancesGroup"]
    assert group["DeploymentTargets"]["OrganizationalUnitIds"], "no organizational unit"
    assert group["Regions"] == organization["regions"] and organization["regions"]
    # The member template names no parameter the StackSet would have to pass.
    assert "Parameters" not in organization["member"] and "Parameters" not in properties


@pytest.fixture(scope="module")
def member_instances(moto, organization, deploy_report, time_limited) -> dict[tuple[str, str], tuple[AccountView, Deployment]]:
    """Each stack instance of the StackSet, deployed as a plain stack in its account and Region."""
    instances = {}
    for account in organization["members"]:
        for region in organization["regions"]:
            view = account_view(moto, account, region)
            with time_limited(120, f"the member stack in {account}, {region}"):
                deployment = deploy(view, "StackSet-macie-dynamodb-member", organization["member_text"], organization["member"], timeout=60)
            instances[(account, region)] = (view, deployment)
    deploy_report.append(
        f"Organization: member template deployed in {len(organization['members'])} accounts x {len(organization['regions'])} Regions "
        f"(each as the stack its StackSet would create; moto has no StackSets across accounts)"
    )
    return instances


def test_every_member_account_and_region_gets_the_export_side(organization, member_instances):
    expected_tables = sorted(r["Properties"]["TableName"] for r in organization["member"]["Resources"].values()
                             if r["Type"] == "AWS::DynamoDB::Table")
    functions = sorted(r["Properties"]["FunctionName"] for r in organization["member"]["Resources"].values()
                       if r["Type"] == "AWS::Lambda::Function")
    for (account, region), (view, deployment) in member_instances.items():
        assert deployment.status == "CREATE_COMPLETE", (account, region)
        assert set(deployment.skipped.values()) <= {"AWS::S3::BucketPolicy", "AWS::SQS::QueuePolicy"}, deployment.skipped
        assert sorted(view.client("dynamodb").list_tables()["TableNames"]) == expected_tables, (account, region)
        names = sorted(f["FunctionName"] for f in view.client("lambda").list_functions()["Functions"])
        assert names == functions, (account, region)
        rule = view.client("events").describe_rule(Name="ExportDynamoDBData")
        assert rule["ScheduleExpression"] == organization["member"]["Resources"]["ExportDynamoDBDataRule"]["Properties"]["ScheduleExpression"]
        # Every resource is in this account: the ARNs moto made say so.
        assert all(f":{account}:" in f["FunctionArn"] for f in view.client("lambda").list_functions()["Functions"])


def test_each_member_export_bucket_is_the_one_the_administrators_job_names(organization, member_instances):
    definitions = {d["accountId"]: d["buckets"] for d in job_bucket_definitions(organization["administrator"])}
    for (account, region), (view, deployment) in member_instances.items():
        (named,) = [sub_in_region(bucket, region) for bucket in definitions[account]]
        assert deployment.outputs["ExportS3BucketName"] == named
        assert deployment.physical_id("ExportS3BucketMacie") == named
        view.client("s3").head_bucket(Bucket=named)
        # The key moto stored lets the administrator's Macie role decrypt.
        key_id = deployment.physical_id("DynamoDBMacieKMSKey")
        stored = view.client("kms").get_key_policy(KeyId=key_id, PolicyName="default")["Policy"]
        # moto answers with the policy object CloudFormation gave it, not its JSON text.
        policy = stored if isinstance(stored, dict) else json.loads(stored)
        (decrypts,) = [s for s in policy["Statement"] if s.get("Sid") == "MacieServiceLinkedRoleDecrypts"]
        assert f"::{organization['administrator_account']}:role/aws-service-role/macie.amazonaws.com/" in json.dumps(decrypts["Principal"])


def test_the_administrator_stack_deploys_in_each_region_and_its_job_request_names_buckets_that_exist(
    moto, organization, member_instances, deploy_report, time_limited
):
    request_text = JOB_REQUEST.read_text()
    for region in organization["regions"]:
        view = account_view(moto, organization["administrator_account"], region)
        with time_limited(120, f"the administrator stack in {region}"):
            deployment = deploy(view, "macie-dynamodb-administrator", ADMINISTRATOR.read_text(), organization["administrator"], timeout=60)
        assert deployment.status == "CREATE_COMPLETE"
        assert set(deployment.skipped.values()) <= {"AWS::Macie::CustomDataIdentifier", "AWS::SNS::TopicPolicy", "AWS::SQS::QueuePolicy"}
        assert "MacieClassificationJob" not in deployment.expected  # CreateMacieJob=false by default
        topic = deployment.outputs["MacieFindingsTopicArn"]
        assert f":{organization['administrator_account']}:" in topic and f":{region}:" in topic
        rule = view.client("events").describe_rule(Name=deployment.physical_id("MacieFindingsRule").split("|")[0])
        assert json.loads(rule["EventPattern"])["source"] == ["aws.macie"]
        targets = view.client("events").list_targets_by_rule(Rule=rule["Name"])["Targets"]
        assert [target["Arn"] for target in targets] == [topic]
        # The request file with the Region filled in, as the README says: every bucket it names exists in its account.
        request = json.loads(request_text.replace("{{AWS::Region}}", region))
        definitions = request["s3JobDefinition"]["bucketDefinitions"]
        assert [d["accountId"] for d in definitions] == organization["members"]
        for definition in definitions:
            (bucket,) = definition["buckets"]
            member_view, _ = member_instances[(definition["accountId"], region)]
            member_view.client("s3").head_bucket(Bucket=bucket)
        deploy_report.append(f"Organization: administrator stack in {region}: {deployment.status}; skipped by moto: {sorted(set(deployment.skipped.values()))}")
