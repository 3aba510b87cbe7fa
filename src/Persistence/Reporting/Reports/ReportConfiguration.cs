using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkflowHost.ReportingChains.Reports;

namespace WorkflowHost.Persistence.Reporting.Reports;

/// <summary>
/// A report and its versions are one aggregate: versions and their content are owned rows, written and read with the
/// report. Everything is relational — an auditor asks "what did unit X report for indicator Y in version 2" in SQL.
/// Owned rows keep their order through an ascending key (versions by number, the rest by an identity column).
/// </summary>
public sealed class ReportConfiguration : IEntityTypeConfiguration<Report>
{
    public void Configure(EntityTypeBuilder<Report> report)
    {
        report.ToTable("Reports");
        report.HasKey(r => r.Id);
        report.Property(r => r.Id).ValueGeneratedNever();
        report.Property(r => r.PlanId).HasMaxLength(100).IsRequired();
        report.Property(r => r.WorkflowInstanceId).HasMaxLength(100).IsRequired();
        report.Property(r => r.UnitCode).HasMaxLength(40).IsRequired();
        report.Property(r => r.LevelKey).HasMaxLength(40).IsRequired();
        report.HasIndex(r => new { r.PlanId, r.UnitCode });
        report.HasIndex(r => new { r.WorkflowInstanceId, r.UnitCode });
        report.HasIndex(r => r.UnitCode);
        report.Ignore(r => r.Current);
        report.Ignore(r => r.LatestAccepted);
        report.Ignore(r => r.ReasonsToRevise);

        report.OwnsMany(r => r.Versions, version =>
        {
            version.ToTable("ReportVersions");
            version.WithOwner().HasForeignKey("ReportId");
            version.HasKey("ReportId", nameof(ReportVersion.Number));
            version.Property(v => v.Number).ValueGeneratedNever();
            version.Property(v => v.Status).HasConversion<string>().HasMaxLength(20);
            version.Property(v => v.CreatedBy).HasMaxLength(256).IsRequired();
            version.Property(v => v.UpdatedBy).HasMaxLength(256).IsRequired();

            version.OwnsMany(v => v.Sections, section =>
            {
                section.ToTable("ReportSectionTexts");
                OwnedByVersion(section);
                section.Property(s => s.SectionNumber).HasMaxLength(40).IsRequired();
                section.Property(s => s.Text).IsRequired();
            });
            version.OwnsMany(v => v.Indicators, entry =>
            {
                entry.ToTable("ReportIndicatorEntries");
                OwnedByVersion(entry);
                entry.Property(e => e.Code).HasMaxLength(60).IsRequired();
                entry.Property(e => e.Value).IsFigure();
                entry.Property(e => e.ChildrenSum).IsFigure();
                entry.Ignore(e => e.DiffersFromChildren);
            });
            version.OwnsMany(v => v.LocalIndicators, local =>
            {
                local.ToTable("ReportLocalIndicators");
                OwnedByVersion(local);
                local.Property(l => l.Code).HasMaxLength(60).IsRequired();
                local.Property(l => l.Name).HasMaxLength(500).IsRequired();
                local.Property(l => l.Unit).HasMaxLength(40).IsRequired();
                local.Property(l => l.Kind).HasConversion<string>().HasMaxLength(20);
            });
            version.OwnsMany(v => v.Comments, comment =>
            {
                comment.ToTable("ReportComments");
                OwnedByVersion(comment);
                comment.Property(c => c.Kind).HasConversion<string>().HasMaxLength(20);
                comment.Property(c => c.Author).HasMaxLength(256).IsRequired();
                comment.Property(c => c.Text).IsRequired();
            });
        });
        report.Navigation(r => r.Versions).UsePropertyAccessMode(PropertyAccessMode.Field);
    }

    private static void OwnedByVersion<T>(OwnedNavigationBuilder<ReportVersion, T> row) where T : class
    {
        row.WithOwner().HasForeignKey("ReportId", "VersionNumber");
        row.Property<int>("Id").ValueGeneratedOnAdd();
        row.HasKey("Id");
    }
}
