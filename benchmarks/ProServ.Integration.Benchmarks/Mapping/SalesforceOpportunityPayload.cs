namespace ProServ.Integration.Benchmarks.Mapping;

/// <summary>A ~1 KB Salesforce REST Opportunity, as the API returns it (attributes, standard and custom fields).</summary>
internal static class SalesforceOpportunityPayload
{
    public const string Json = """
        {
          "attributes": { "type": "Opportunity", "url": "/services/data/v62.0/sobjects/Opportunity/0065g00000HlvWdAAJ" },
          "Id": "0065g00000HlvWdAAJ",
          "IsDeleted": false,
          "AccountId": "0015g00000HalvRsAAF",
          "RecordTypeId": "0125g000001ProSvAAE",
          "Name": "Halvorsen Logistik: warehouse data platform",
          "Description": "Replace the nightly batch exports with a streaming ingestion pipeline and a dimensional model for dock utilisation.",
          "StageName": "Closed Won",
          "Amount": 184500.0,
          "CurrencyIsoCode": "EUR",
          "Probability": 100.0,
          "ExpectedRevenue": 184500.0,
          "CloseDate": "2026-02-20",
          "Type": "New Customer",
          "LeadSource": "Partner Referral",
          "IsClosed": true,
          "IsWon": true,
          "ForecastCategoryName": "Closed",
          "HasOpportunityLineItem": false,
          "Billing_Method__c": "Time & Materials",
          "Service_Line__c": "data-analytics",
          "Legal_Entity__c": "proserv-de-gmbh",
          "Project_Manager__c": "0055g00000PmJoNAAV",
          "Expected_Start_Date__c": "2026-03-02",
          "OwnerId": "0055g00000MokfRAAR",
          "CreatedDate": "2025-11-04T09:12:44.000+0000",
          "LastModifiedDate": "2026-02-20T16:40:03.000+0000",
          "SystemModstamp": "2026-02-20T16:40:03.000+0000"
        }
        """;
}
