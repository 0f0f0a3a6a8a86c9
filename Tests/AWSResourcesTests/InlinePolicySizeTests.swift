import AWSResources
import CloudFormation
import Testing

@Suite("A role's inline policy size")
struct InlinePolicySizeTests {
    /// A role with one inline policy whose JSON, without white space, has
    /// 148 + `padding` characters: the resource ARN ends in `é` and in `e`
    /// with a combining accent, one character each however many scalars.
    private func role(padding: Int) -> Resource {
        let arn = "arn:aws:s3:::b/" + String(repeating: "a", count: padding) + "é" + "e\u{301}"
        return Resource("Role", type: "AWS::IAM::Role", properties: [
            "AssumeRolePolicyDocument": ["Version": "2012-10-17", "Statement": []],
            "Policies": [[
                "PolicyName": "p",
                "PolicyDocument": ["Version": "2012-10-17", "Statement": [["Effect": "Allow", "Action": "s3:GetObject", "Resource": .string(arn)]]],
            ]],
        ])
    }

    private func diagnostics(_ resource: Resource) -> [String] {
        IdentityPolicyCheck().diagnostics(for: Template(resources: [resource]), stack: "Demo").map(\.description)
    }

    @Test("10,240 characters are allowed, 10,241 are not, counted as IAM counts them")
    func limit() {
        #expect(diagnostics(role(padding: 10_240 - 148)) == [])
        #expect(diagnostics(role(padding: 10_241 - 148)) == [
            "error: Demo: Resources.Role: the role's inline policies have about 10241 characters; IAM allows 10240 per role (use a managed policy, or fewer statements)",
        ])
    }
}
