using ProServ.Integration.Mapping;
using static ProServ.Integration.Tests.Mapping.MappingTestData;

namespace ProServ.Integration.Tests.Mapping;

public sealed class MappingLoaderTests
{
    [Fact]
    public void Load_MalformedJson_ReportsLineAndColumn()
    {
        var json = "{\n  \"id\": \"x\",\n  \"version\": 1,\n  \"rules\": [ oops ]\n}";

        var problem = Assert.Single(LoadFails(json, "bad.mapping.json").Problems);

        Assert.Equal(MappingErrorCodes.MalformedJson, problem.Code);
        Assert.Equal("bad.mapping.json", problem.File);
        Assert.Equal(4, problem.Line);
        Assert.True(problem.Column > 1);
    }

    [Fact]
    public void Load_SchemaViolation_ReportsPointerAndLine()
    {
        var json = OpportunityDocument("""{ "target": "/name", "path": "/Name", "colour": "red" }""");

        var problems = LoadFails(json).Problems;

        Assert.All(problems, p => Assert.Equal(MappingErrorCodes.SchemaViolation, p.Code));
        Assert.Contains(problems, p => p.Line == LineOf(json, "\"colour\""));
    }

    [Fact]
    public void Load_UnknownConversion_ReportsLine()
    {
        var json = OpportunityDocument("""{ "target": "/closeDate", "path": "/CloseDate", "convert": "datum" }""");

        var problem = Assert.Single(LoadFails(json).Problems);

        Assert.Equal(MappingErrorCodes.UnknownConversion, problem.Code);
        Assert.Equal(LineOf(json, "\"datum\""), problem.Line);
        Assert.EndsWith("/convert", problem.Path, StringComparison.Ordinal);
        Assert.Contains("datum", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MoneyOntoDateField_ReportsTypeMismatch()
    {
        var json = OpportunityDocument("""{ "target": "/closeDate", "money": { "amount": "/Amount", "defaultCurrency": "USD" } }""");

        var problem = Assert.Single(LoadFails(json).Problems);

        Assert.Equal(MappingErrorCodes.TypeMismatch, problem.Code);
        Assert.Equal(LineOf(json, "\"/closeDate\", \"money\""), problem.Line);
        Assert.Contains("date", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_DateConversionOntoIntegerField_ReportsTypeMismatch()
    {
        var json = OpportunityDocument("""{ "target": "/probability", "path": "/CloseDate", "convert": "date" }""");

        Assert.Equal(MappingErrorCodes.TypeMismatch, Assert.Single(LoadFails(json).Problems).Code);
    }

    [Fact]
    public void Load_ConstOfWrongType_ReportsTypeMismatch()
    {
        var json = OpportunityDocument("""{ "target": "/probability", "const": "fifty" }""");

        var problem = Assert.Single(LoadFails(json).Problems);

        Assert.Equal(MappingErrorCodes.TypeMismatch, problem.Code);
        Assert.Equal(LineOf(json, "\"fifty\""), problem.Line);
    }

    [Fact]
    public void Load_RequiredFieldUnmapped_ReportsEachField()
    {
        var json = """
            {
              "id": "partial",
              "version": 2,
              "direction": "inbound",
              "source": "salesforce:Opportunity",
              "target": "opportunity@1",
              "rules": [
                { "target": "/name", "path": "/Name" }
              ]
            }
            """;

        var problems = LoadFails(json).Problems;

        Assert.All(problems, p => Assert.Equal(MappingErrorCodes.RequiredUnmapped, p.Code));
        Assert.Equal(
            ["/amount", "/clientId", "/closeDate", "/id", "/owner", "/probability", "/stage"],
            problems.Select(p => p.Message.Split('\'')[1]).Order(StringComparer.Ordinal),
            StringComparer.Ordinal);
        Assert.All(problems, p => Assert.Equal(LineOf(json, "\"rules\""), p.Line));
    }

    [Fact]
    public void Load_ValueMapValueNotInEnum_ReportsTheEntry()
    {
        var json = OpportunityDocument("""
            {
                  "target": "/stage",
                  "path": "/StageName",
                  "valueMap": {
                    "Prospecting": "prospecting",
                    "Closed Won": "won"
                  },
                  "onUnmapped": "error"
                }
            """);

        var problem = Assert.Single(LoadFails(json).Problems);

        Assert.Equal(MappingErrorCodes.ValueNotInEnum, problem.Code);
        Assert.Equal(LineOf(json, "\"won\""), problem.Line);
        Assert.EndsWith("/valueMap/Closed Won", problem.Path, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_DuplicateTarget_ReportsTheSecondRule()
    {
        var json = OpportunityDocument(
            """{ "target": "/legalEntity", "path": "/Legal_Entity__c" }""",
            """{ "target": "/legalEntity", "const": "proserv-us-inc" }""");

        var problem = Assert.Single(LoadFails(json).Problems);

        Assert.Equal(MappingErrorCodes.DuplicateTarget, problem.Code);
        Assert.Equal(LineOf(json, "\"proserv-us-inc\""), problem.Line);
    }

    [Fact]
    public void Load_UnknownTargetField_Reports()
    {
        var json = OpportunityDocument("""{ "target": "/colour", "path": "/Colour__c" }""");

        var problem = Assert.Single(LoadFails(json).Problems);

        Assert.Equal(MappingErrorCodes.UnknownTargetField, problem.Code);
        Assert.Equal(LineOf(json, "/Colour__c"), problem.Line);
    }

    [Fact]
    public void Load_EngineOwnedField_ReportsUnknownTargetField()
    {
        var json = OpportunityDocument("""{ "target": "/tenantId", "const": "other" }""");

        Assert.Equal(MappingErrorCodes.UnknownTargetField, Assert.Single(LoadFails(json).Problems).Code);
    }

    [Fact]
    public void Load_UnknownTargetRecord_Reports()
    {
        var json = OpportunityDocument().Replace("opportunity@1", "deal@1", StringComparison.Ordinal);

        var problem = Assert.Single(LoadFails(json).Problems);

        Assert.Equal(MappingErrorCodes.UnknownTarget, problem.Code);
        Assert.Equal(LineOf(json, "deal@1"), problem.Line);
    }

    [Fact]
    public void Load_InvalidTimeZone_ReportsInvalidRule()
    {
        var json = OpportunityDocument("""{ "target": "/closeDate", "path": "/CloseDate", "convert": "date", "timeZone": "Mars/Olympus" }""");

        var problem = Assert.Single(LoadFails(json).Problems);

        Assert.Equal(MappingErrorCodes.InvalidRule, problem.Code);
        Assert.Equal(LineOf(json, "Mars/Olympus"), problem.Line);
    }

    [Fact]
    public void Load_BadTemplate_ReportsInvalidRule()
    {
        var json = OpportunityDocument("""{ "target": "/owner", "template": "{FirstName" }""");

        Assert.Equal(MappingErrorCodes.InvalidRule, Assert.Single(LoadFails(json).Problems).Code);
    }

    [Fact]
    public void Load_InboundRulesMarkedOutbound_ReportEveryVendorPathAsUnknownSourceField()
    {
        var json = OpportunityDocument().Replace("\"inbound\"", "\"outbound\"", StringComparison.Ordinal);

        var problems = LoadFails(json).Problems;

        Assert.NotEmpty(problems);
        Assert.All(problems, p => Assert.Equal(MappingErrorCodes.UnknownSourceField, p.Code));
        Assert.Contains(problems, p => p.Line == LineOf(json, "\"/Name\""));
    }

    [Fact]
    public void Load_SeveralProblems_ReportsEveryOneInOneException()
    {
        var json = OpportunityDocument(
            """{ "target": "/closeDate", "path": "/CloseDate", "convert": "datum" }""",
            """{ "target": "/probability", "money": { "amount": "/Amount", "defaultCurrency": "USD" } }""",
            """{ "target": "/billingMethod", "path": "/Billing_Method__c", "valueMap": { "T&M": "hourly" } }""",
            """{ "target": "/serviceLine", "path": "/Service_Line__c" }""",
            """{ "target": "/serviceLine", "path": "/Practice__c" }""");

        var exception = LoadFails(json);

        Assert.Equal(MappingErrorCodes.Invalid, exception.ErrorCode);
        Assert.False(exception.IsTransient);
        Assert.Equal(
            [MappingErrorCodes.UnknownConversion, MappingErrorCodes.TypeMismatch, MappingErrorCodes.ValueNotInEnum, MappingErrorCodes.DuplicateTarget],
            exception.Problems.Select(p => p.Code),
            StringComparer.Ordinal);
        Assert.All(exception.Problems, p => Assert.True(p.Line > 0));
        Assert.Contains("test.mapping.json(", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_GoodDocument_ExposesHeader()
    {
        var mapping = LoadOpportunity();

        Assert.Equal("test-opportunity", mapping.Id);
        Assert.Equal("1.0.0", mapping.Version);
        Assert.Equal("salesforce", mapping.SourceSystem);
        Assert.Equal("Opportunity", mapping.SourceObject);
        Assert.Equal("opportunity@1", mapping.Target.ToString());
        Assert.Equal(typeof(ProServ.Integration.Model.Opportunity), mapping.TargetType);
        Assert.True(mapping.HasLookups);
    }
}
