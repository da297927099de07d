namespace Engagement.Tests;

/// <summary>The roster CSV as files come from spreadsheets and editors: quoting, line breaks, byte order marks, blank lines.</summary>
public sealed class RosterCsvTests
{
    private const string Header = "member_id,display_name,phone,company,join_date";

    [Fact]
    public void QuotedFieldsKeepTheirCommasLineBreaksAndQuotesAndRowsAreNumberedByRecord()
    {
        var csv = $"\uFEFF{Header}\r\nm-1,\"王小明\",,\"张江, 高科\r\n二期\",2020-05-01\r\n\r\nm-2, \"李\"\"四\"\"\" ,+8613800000000,,2021-01-01\r\nm-3,赵六,,,2021-02-30\r\n";

        var (rows, errors) = RosterCsv.Parse(csv);

        Assert.Equal(
            [(2, "m-1", "王小明", "", "张江, 高科\r\n二期"), (4, "m-2", "李\"四\"", "+8613800000000", "")],
            rows.Select(r => (r.Line, r.MemberId, r.DisplayName, r.Phone, r.Company)));
        // Record 5 starts on line 6 of the file: the number is the record's, as a spreadsheet shows it.
        Assert.Equal([new RowError(5, "join_date", "must be a date yyyy-MM-dd")], errors);
    }

    [Fact]
    public void AQuoteThatIsNeverClosedIsReportedOnItsRowAndNothingAfterItIsGuessed()
    {
        var (rows, errors) = RosterCsv.Parse($"{Header}\nm-1,张三,,,2020-05-01\nm-2,\"李四,,,2020-05-01\nm-3,王五,,,2020-05-01\n");

        Assert.Equal(["m-1"], rows.Select(r => r.MemberId));
        Assert.Equal([(3, "quotes")], errors.Select(e => (e.Line, e.Field)));
    }

    [Fact]
    public void StrayQuotesAreTextAndWrongColumnCountsAreNamed()
    {
        var (rows, errors) = RosterCsv.Parse("m-1,5\"屏,,,2020-05-01\nm-2,a,b\nm-3;王五;;;2020-05-01\n");

        Assert.Equal([("m-1", "5\"屏")], rows.Select(r => (r.MemberId, r.DisplayName)));
        Assert.Equal([(2, "columns"), (3, "columns")], errors.Select(e => (e.Line, e.Field)));
    }

    [Fact]
    public void AFileWithOnlyAHeaderAndBlankLinesHasNoRows()
    {
        var (rows, errors) = RosterCsv.Parse($"\uFEFF{Header}\n\n   \n");

        Assert.Empty(rows);
        Assert.Equal([new RowError(1, "csv", "contains no rows")], errors);
    }
}
