import CloudFormation
import Testing

@Suite("Fn::Sub from interpolated Swift strings")
struct SubTemplateTests {
    @Test("Ref and GetAtt become placeholders, literals are escaped, other intrinsics become variables")
    func interpolation() {
        let bucket = Resource("Bucket", type: "AWS::S3::Bucket")
        let value = Value.sub("arn:\(.partition):s3:::\(bucket.ref)/${literal}/\(bucket.getAtt("Arn"))/\(Value.select(0, .getAZs()))/\(3)/\("x${y}")")
        #expect(value == .intrinsic(.sub(
            "arn:${AWS::Partition}:s3:::${Bucket}/${!literal}/${Bucket.Arn}/${SubVar1}/3/x${!y}",
            variables: ["SubVar1": .select(0, .getAZs())])))
    }

    @Test("placeholders are parsed with attributes and literal escapes")
    func parsing() throws {
        let placeholders = try SubPlaceholders.parse("${A}-${B.Arn}-${!C}-${AWS::Region}-${D.E.F}").get()
        #expect(placeholders == [
            .init(name: "A", attribute: nil), .init(name: "B", attribute: "Arn"),
            .init(name: "AWS::Region", attribute: nil), .init(name: "D", attribute: "E.F"),
        ])
    }
}
