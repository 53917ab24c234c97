"""Mutations of the single window."""

from __future__ import annotations

import strawberry

from shouhu.gateway.common import Ctx, to_json
from shouhu.gateway.intakes.types import DepartmentTask, Intake, SubmitIntakeInput


@strawberry.type
class Mutation:
    @strawberry.mutation(
        description="Take an application at the window: a task for each department it needs"
    )
    async def submit_intake(self, info: Ctx, input: SubmitIntakeInput) -> Intake:
        body = to_json(input)
        if body.get("materials") is None:
            body.pop("materials", None)
        return Intake.from_row(await info.context.registry.submit_intake(body))

    @strawberry.mutation(description="The department takes the task on (受理)")
    async def accept_task(self, info: Ctx, id: strawberry.ID) -> DepartmentTask:
        return DepartmentTask.from_row(await info.context.registry.act_on_task(id, "accept"))

    @strawberry.mutation(
        description="Ask the window for more documents; the deadline waits until they come"
    )
    async def request_materials(
        self, info: Ctx, id: strawberry.ID, note: str, materials: list[str] | None = None
    ) -> DepartmentTask:
        body = {"note": note, "materials": materials or []}
        row = await info.context.registry.act_on_task(id, "request-materials", body)
        return DepartmentTask.from_row(row)

    @strawberry.mutation(
        description="The window records documents a task waited for; its deadline moves on by "
        "the working days it waited"
    )
    async def record_materials(
        self, info: Ctx, task_id: strawberry.ID, materials: list[str]
    ) -> DepartmentTask:
        row = await info.context.registry.act_on_task(
            task_id, "materials", {"materials": materials}
        )
        return DepartmentTask.from_row(row)

    @strawberry.mutation(description="The department's part is done, with its outcome (办结)")
    async def complete_task(self, info: Ctx, id: strawberry.ID, outcome: str) -> DepartmentTask:
        row = await info.context.registry.act_on_task(id, "complete", {"outcome": outcome})
        return DepartmentTask.from_row(row)

    @strawberry.mutation(description="The department cannot help, and says why (不予办理)")
    async def decline_task(self, info: Ctx, id: strawberry.ID, reason: str) -> DepartmentTask:
        row = await info.context.registry.act_on_task(id, "decline", {"reason": reason})
        return DepartmentTask.from_row(row)

    @strawberry.mutation(description="The family withdraws the application (撤回)")
    async def withdraw_intake(self, info: Ctx, id: strawberry.ID, reason: str) -> Intake:
        return Intake.from_row(await info.context.registry.withdraw_intake(id, reason))
