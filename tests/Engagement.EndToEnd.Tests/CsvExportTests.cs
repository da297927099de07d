using System.Net.Http.Headers;
using System.Text;
using CsvHelper;
using Engagement.Gateway;
using Engagement.V1;

namespace Engagement.EndToEnd;

/// <summary>
/// The CSV downloads as a spreadsheet opens them: a byte order mark first (Excel on Chinese Windows reads UTF-8 only
/// with one), user text that starts like a formula written as text, numbers as numbers; and the roster import reads
/// quoted fields with commas and line breaks.
/// </summary>
[Collection(NodeCollection.Name)]
public sealed class CsvExportTests(NodeFixture fixture)
{
    private const string Hyperlink = "=HYPERLINK(\"http://x\",\"y\")";

    private TestNode Node => fixture.Node;

    [Fact]
    public async Task MembersCsvShowsFormulaLikeNamesAsTextAndChineseNamesIntact()
    {
        var seed = await Seed.CreateAsync(Node);
        var shown = new Dictionary<string, string>
        {
            [Hyperlink] = "'" + Hyperlink,
            ["+1"] = "'+1",
            ["-cmd"] = "'-cmd",
            ["@SUM(1)"] = "'@SUM(1)",
            ["王小明"] = "王小明",
            ["李 = 四"] = "李 = 四",
        };
        var names = new Dictionary<string, string>();
        foreach (var name in shown.Keys)
        {
            var id = Seed.Next("m");
            await seed.Secretary.Organization.RegisterMemberAsync(new RegisterMemberRequest { BranchId = seed.Branch, MemberId = id, DisplayName = name, IdempotencyKey = Seed.Next("k") });
            names[id] = name;
        }

        using var http = Http(Node.Token("secretary", new RoleGrant(Role.Secretary, seed.Branch)));
        var (bytes, contentType) = await Eventually.SucceedsAsync(async () =>
        {
            var download = await DownloadAsync(http, $"/v1/analytics/branches/{seed.Branch}/members.csv");
            return Records(download.Bytes).Count == names.Count + 1 ? download : throw new InvalidOperationException(Encoding.UTF8.GetString(download.Bytes));
        }, TimeSpan.FromSeconds(20), "every registered member in members.csv");
        var records = Records(bytes);
        var text = Encoding.UTF8.GetString(bytes);

        Assert.Equal("text/csv; charset=utf-8", contentType);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Equal(["member_id", "display_name", "branch_id", "current", "new", "active_days", "points_earned", "earning_entries"], records[0]);
        Assert.Equal(names.ToDictionary(n => n.Key, n => shown[n.Value]), records.Skip(1).ToDictionary(r => r[0], r => r[1]));
        Assert.All(records.Skip(1), r => Assert.Equal([seed.Branch, "true", "true", "0", "0", "0"], r[2..]));
        Assert.Contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"", text, StringComparison.Ordinal);
        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SettlementCsvShowsAFormulaLikeItemNameAsTextAndItsCountsAsNumbers()
    {
        var seed = await Seed.CreateAsync(Node);
        var counter = await Counter.OpenAsync(seed);
        await counter.Staff.Merchants.UpsertCatalogItemAsync(new UpsertCatalogItemRequest
        {
            MerchantId = counter.MerchantId,
            Item = new V1.CatalogItem { ItemId = counter.ItemId, Name = Hyperlink, PointsCost = 10, ImageUrl = "https://img.example/latte.png" },
            IdempotencyKey = Seed.Next("k"),
        });
        var (_, member) = await counter.CustomerAsync(100);
        var redemption = await counter.StartAsync(member);
        await counter.Staff.Redemptions.ConfirmRedemptionAsync(new ConfirmRedemptionRequest { MerchantId = counter.MerchantId, Code = redemption.Code, IdempotencyKey = Seed.Next("k") });
        var day = (await counter.Staff.Merchants.GetSettlementAsync(new GetSettlementRequest { MerchantId = counter.MerchantId })).Settlement.Day;

        using var http = Http(Node.Token($"clerk-{counter.MerchantId}", new RoleGrant(Role.MerchantStaff, counter.MerchantId)));
        var (bytes, contentType) = await DownloadAsync(http, $"/v1/merchants/{counter.MerchantId}/settlements/{day}.csv");
        var records = Records(bytes);

        Assert.Equal("text/csv; charset=utf-8", contentType);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Equal(["merchant_id", "day", "item_id", "item_name", "redemptions", "points", "refunds", "refunded_points"], records[0]);
        Assert.Equal([counter.MerchantId, day, counter.ItemId, "'" + Hyperlink, "1", "10", "0", "0"], records[1]);
        Assert.Equal([counter.MerchantId, day, "TOTAL", "", "1", "10", "0", "0"], records[2]);
    }

    [Fact]
    public async Task ARosterImportReadsQuotedFieldsWithCommasLineBreaksAndQuotesAndCountsRecordsNotLines()
    {
        var seed = await Seed.CreateAsync(Node);
        var (a, b, c) = (Seed.Next("m"), Seed.Next("m"), Seed.Next("m"));
        // A byte order mark and CRLF, as Excel saves "CSV UTF-8"; the company of the first row spans two lines.
        var csv = $"\uFEFFmember_id,display_name,phone,company,join_date\r\n{a},\"王小明\",13800000000,\"张江, 高科\n二期\",2020-05-01\r\n"
            + $"{b},\"李\"\"四\"\"\",,\"中芯, 国际\",2021-01-01\r\n{c},赵六,phone?,,2021-01-01\r\n";

        var result = await seed.Secretary.BackOffice.ImportRosterAsync(new ImportRosterRequest { BranchId = seed.Branch, Csv = csv, ImportValidRows = true, IdempotencyKey = Seed.Next("k") });
        var first = (await seed.Secretary.Organization.GetMemberAsync(new GetMemberRequest { MemberId = a })).Member;
        var second = (await seed.Secretary.Organization.GetMemberAsync(new GetMemberRequest { MemberId = b })).Member;

        Assert.Equal([a, b], result.ImportedMemberIds);
        Assert.Equal([(4, "phone")], result.RowErrors.Select(e => (e.Line, e.Field)));
        Assert.Equal(("王小明", "张江, 高科\n二期"), (first.DisplayName, first.Company));
        Assert.Equal(("李\"四\"", "中芯, 国际"), (second.DisplayName, second.Company));
    }

    [Fact]
    public void TextThatStartsLikeAFormulaGetsAnApostropheAndNumbersStayNumbers()
    {
        var bytes = CsvExport.Write(["text", "number", "fraction"], csv =>
        {
            csv.Text("-10").Number(-10).Number(-0.5).EndRecord();
            csv.Text("\tx").Number(0).Number(1.0 / 3).EndRecord();
            csv.Text("\rx").Number(long.MinValue).Number(2).EndRecord();
            csv.Text("a,b \"c\"").Number(42).Number(0.25).EndRecord();
            csv.Text("'=already text").Number(1).Number(1).EndRecord();
            csv.Flag(true).Number(1).Number(1).EndRecord();
        });

        Assert.Equal(
            "\uFEFFtext,number,fraction\r\n\"'-10\",-10,-0.5\r\n\"'\tx\",0,0.3333\r\n\"'\rx\",-9223372036854775808,2\r\n\"a,b \"\"c\"\"\",42,0.25\r\n'=already text,1,1\r\ntrue,1,1\r\n",
            Encoding.UTF8.GetString(bytes));
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
    }

    private HttpClient Http(string token)
    {
        var http = new HttpClient { BaseAddress = Node.HttpAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    private static async Task<(byte[] Bytes, string? ContentType)> DownloadAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken), response.Content.Headers.ContentType?.ToString());
    }

    /// <summary>The file as a CSV reader (CsvHelper) reads it: every record, the header first.</summary>
    private static List<string[]> Records(byte[] bytes)
    {
        using var reader = CsvReader.Create(bytes, CsvReaderOptions.Default with { Separator = ',', HasHeader = false });
        var records = new List<string[]>();
        while (reader.Read())
        {
            records.Add(reader.Current.ToArray());
        }

        return records;
    }
}
