import CloudFormation
import Testing

@Suite("Fn::Sub from interpolated Swift strings")
struct SubTemplateTests {
    @Test("Ref and GetAtt become placeholders, Swift strings are escaped, other intrinsics become variables; literal text is Sub syntax")
    func interpolation() {
        let bucket = Resource("Bucket", type: "AWS::S3::Bucket")
        let userText = "x${y}"
        let value = Value.sub("arn:\(.partition):s3:::\(bucket.ref)/${AWS::Region}/${!Literal}/\(bucket.getAtt("Arn"))/\(Value.select(0, .getAZs()))/\(3)/\(userText)")
        #expect(value == .intrinsic(.sub(
            "arn:${AWS::Partition}:s3:::${Bucket}/${AWS::Region}/${!Literal}/${Bucket.Arn}/${SubVar1}/3/x${!y}",
            variables: ["SubVar1": .select(0, .getAZs())])))
    }

    @Test("typed expressions interpolate as placeholders, never as their Swift description")
    func typedInterpolation() {
        let arn = TemplateExpression<String>(unchecked: .getAtt("Bucket", "Arn"))
        #expect(Value.sub("\(arn)/*") == .intrinsic(.sub("${Bucket.Arn}/*", variables: [:])))
        #expect(TemplateExpression<String>.sub("\(arn)/*").templateValue == .intrinsic(.sub("${Bucket.Arn}/*", variables: [:])))
    }

    @Test("placeholders are parsed with attributes and literal escapes")
    func parsing() throws {
        let placeholders = try SubPlaceholders.parse("${A}-${B.Arn}-${!C}-${AWS::Region}-${D.E.F}").get()
        #expect(placeholders == [
            .init(name: "A", attribute: nil), .init(name: "B", attribute: "Arn"),
            .init(name: "AWS::Region", attribute: nil), .init(name: "D", attribute: "E.F"),
        ])
    }

    @Test("placeholders are found among non-ASCII text and lone dollars; unclosed and empty ones are errors")
    func parsingEdges() throws {
        #expect(try SubPlaceholders.parse("é$${Bücket.Arn}€$ ${Zone}🙂").get() == [
            .init(name: "Bücket", attribute: "Arn"), .init(name: "Zone", attribute: nil),
        ])
        #expect(try SubPlaceholders.parse("price: 5$, no placeholder $").get() == [])
        #expect(throws: SubPlaceholders.Problem.self) { try SubPlaceholders.parse("${A}-${B").get() }
        #expect(throws: SubPlaceholders.Problem.self) { try SubPlaceholders.parse("a ${} b").get() }
    }
}
