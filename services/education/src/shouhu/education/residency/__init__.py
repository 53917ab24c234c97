"""Non-Beijing children (非京籍适龄儿童): the documents their enrolment needs, as checked."""
