using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Outlay.Api.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class NotificationSchedules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "notification_schedules",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    job = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    next_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_notification_schedules", x => new { x.user_id, x.job });
                    table.ForeignKey(
                        name: "fk_notification_schedules_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_notification_schedules_job_next_at",
                table: "notification_schedules",
                columns: new[] { "job", "next_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "notification_schedules");
        }
    }
}
