using System.Globalization;
using System.Text.Json.Nodes;
using Bogus;

namespace ProServ.Integration.Tests.Mapping;

/// <summary>Generates realistic Salesforce REST payloads (Account, Opportunity) with Bogus, seeded.</summary>
internal sealed class SalesforcePayloads
{
    private static readonly string[] Stages = ["Prospecting", "Qualification", "Needs Analysis", "Value Proposition", "Id. Decision Makers", "Perception Analysis", "Proposal/Price Quote", "Negotiation/Review", "Closed Won", "Closed Lost"];
    private static readonly string[] BillingMethods = ["Time & Materials", "Fixed Fee", "Milestone", "Retainer", "Subscription"];
    private static readonly string[] ServiceLines = ["cloud-migration", "data-analytics", "erp-implementation", "cybersecurity"];
    private static readonly string[] LegalEntities = ["proserv-us-inc", "proserv-de-gmbh", "proserv-uk-ltd"];
    private static readonly string[] Currencies = ["USD", "EUR", "GBP", "JPY", "CHF"];
    private static readonly string[] Countries = ["US", "DE", "GB", "FR", "JP"];
    private static readonly string[] Statuses = ["Active", "On Hold", "Inactive"];

    private readonly Faker _faker;

    public SalesforcePayloads(int seed) => _faker = new Faker("en") { Random = new Randomizer(seed) };

    public string SalesforceId(string prefix) => prefix + "5g" + _faker.Random.String2(13, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789");

    public JsonObject Account()
    {
        var account = new JsonObject
        {
            ["attributes"] = new JsonObject { ["type"] = "Account" },
            ["Id"] = SalesforceId("001"),
            ["Name"] = _faker.Company.CompanyName(),
            ["CurrencyIsoCode"] = _faker.PickRandom(Currencies),
            ["Account_Status__c"] = _faker.PickRandom(Statuses),
        };
        if (_faker.Random.Bool(0.6f))
        {
            account["Legal_Name__c"] = _faker.Company.CompanyName() + " " + _faker.Company.CompanySuffix();
            account["Legal_Entity__c"] = _faker.PickRandom(LegalEntities);
        }

        if (_faker.Random.Bool(0.8f))
        {
            account["BillingStreet"] = _faker.Address.StreetAddress() + (_faker.Random.Bool() ? "\n" + _faker.Address.SecondaryAddress() : string.Empty);
            account["BillingCity"] = _faker.Address.City();
            account["BillingStateCode"] = _faker.Random.Bool() ? _faker.Address.StateAbbr() : null;
            account["BillingPostalCode"] = _faker.Address.ZipCode();
            account["BillingCountryCode"] = _faker.PickRandom(Countries);
        }

        if (_faker.Random.Bool(0.7f))
        {
            account["Tax_Region__c"] = _faker.PickRandom(Countries);
            account["Tax_Id__c"] = "VAT" + _faker.Random.Int(100000, 999999).ToString(CultureInfo.InvariantCulture);
            account["Tax_Exempt__c"] = _faker.Random.Bool(0.1f);
        }

        account["Payment_Terms_Days__c"] = _faker.Random.Bool(0.8f) ? _faker.PickRandom(15, 30, 45, 60) : null;
        return account;
    }

    public JsonObject Opportunity(string accountId)
    {
        var opportunity = new JsonObject
        {
            ["attributes"] = new JsonObject { ["type"] = "Opportunity" },
            ["Id"] = SalesforceId("006"),
            ["AccountId"] = accountId,
            ["Name"] = _faker.Company.CatchPhrase(),
            ["StageName"] = _faker.PickRandom(Stages),
            ["Amount"] = Math.Round(_faker.Random.Decimal(5_000, 2_000_000), 2),
            ["CurrencyIsoCode"] = _faker.PickRandom(Currencies),
            ["CloseDate"] = _faker.Date.Between(new DateTime(2026, 1, 1), new DateTime(2026, 12, 31)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Probability"] = (double)_faker.PickRandom(10, 20, 50, 75, 90, 100),
            ["OwnerId"] = SalesforceId("005"),
        };
        if (_faker.Random.Bool(0.7f))
        {
            opportunity["Billing_Method__c"] = _faker.PickRandom(BillingMethods);
            opportunity["Service_Line__c"] = _faker.PickRandom(ServiceLines);
            opportunity["Legal_Entity__c"] = _faker.PickRandom(LegalEntities);
            opportunity["Expected_Start_Date__c"] = _faker.Date.Between(new DateTime(2026, 2, 1), new DateTime(2027, 1, 31)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            opportunity["Project_Manager__c"] = SalesforceId("005");
        }

        return opportunity;
    }
}
