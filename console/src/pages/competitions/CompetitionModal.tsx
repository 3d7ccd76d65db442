// One form for a competition, to add it (from the award form) or to correct it (from 竞赛):
// its name, level, category and year, what the report names with it (organiser, edition,
// brand, sector) and, for a verifier or an admin, whether the union held it for its staff.
import { Alert, Checkbox, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import { useState } from 'react';
import { useMutation } from 'urql';
import { useLookups } from '../../api/lookups';
import { canVerify, useViewer } from '../../api/viewer';
import { graphql } from '../../gql';
import type { Approximation, CompetitionCategory, Level } from '../../gql/graphql';
import { showOnFields } from '../../lib/errors';

const CompetitionCreate = graphql(`
  mutation CompetitionCreate($input: CompetitionCreateInput!) {
    competitionCreate(input: $input) { competition { id name year } warnings { message } userErrors { field message } }
  }
`);
const CompetitionUpdate = graphql(`
  mutation CompetitionUpdate($input: CompetitionUpdateInput!) {
    competitionUpdate(input: $input) { competition { id name year } warnings { message } userErrors { field message } }
  }
`);

/** What the form edits, as the competitions list reads it. */
export interface CompetitionValues {
  id?: string;
  name: string;
  level: Level;
  category: CompetitionCategory;
  year: number;
  brand?: string | null;
  organiser?: string | null;
  edition?: string | null;
  sector?: string | null;
  hostedByUnion?: boolean | null;
  participants?: number | null;
  participantsApprox?: Approximation | null;
}

const FIELDS = ['name', 'level', 'category', 'year', 'brand', 'organiser', 'edition', 'sector', 'hostedByUnion', 'participants', 'participantsApprox'];

/** Adds a competition, or corrects `competition` when given; `onSaved` gets its id and the server's warnings. */
export function CompetitionModal({ open, competition, onClose, onSaved }: { open: boolean; competition?: CompetitionValues; onClose: () => void; onSaved: (id: string, warnings: string[]) => void }) {
  const [form] = Form.useForm<CompetitionValues>();
  const { levels, categories } = useLookups();
  const [{ fetching: creating }, create] = useMutation(CompetitionCreate);
  const [{ fetching: updating }, update] = useMutation(CompetitionUpdate);
  const [problem, setProblem] = useState<string | null>(null);
  // Only a verifier's or an admin's word makes it the union's own event (the report states it).
  const mayHost = canVerify(useViewer());
  const hosted = Form.useWatch('hostedByUnion', form);
  const save = async (v: CompetitionValues) => {
    setProblem(null);
    // A new competition says nothing of hosting unless it is hosted; a correction may clear it.
    const hosting = mayHost && (competition || v.hostedByUnion) ? { hostedByUnion: Boolean(v.hostedByUnion), participants: v.hostedByUnion ? (v.participants ?? null) : null, participantsApprox: v.hostedByUnion && v.participants ? (v.participantsApprox ?? null) : null } : {};
    const fields = { name: v.name, level: v.level, category: v.category, year: v.year, brand: v.brand || null, organiser: v.organiser || null, edition: v.edition || null, sector: v.sector || null, ...hosting };
    const res = competition?.id ? await update({ input: { id: competition.id, ...fields } }) : await create({ input: fields });
    const p = res.data && ('competitionUpdate' in res.data ? res.data.competitionUpdate : res.data.competitionCreate);
    if (p?.competition) return onSaved(p.competition.id, p.warnings.map((w) => w.message));
    setProblem(showOnFields(form, p?.userErrors ?? [], FIELDS).join('；') || res.error?.graphQLErrors[0]?.message || res.error?.message || null);
  };
  return (
    <Modal open={open} title={competition ? '修改竞赛' : '新增竞赛'} onCancel={onClose} onOk={() => form.submit()} confirmLoading={creating || updating} okText="保存竞赛" destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={save} initialValues={competition ?? { year: new Date().getFullYear() }}>
        <Form.Item label="竞赛名称" name="name" rules={[{ required: true, message: '请填写竞赛名称' }]}><Input /></Form.Item>
        <Form.Item label="级别" name="level" rules={[{ required: true, message: '请选择级别' }]}><Select options={levels} /></Form.Item>
        <Form.Item label="类别" name="category" rules={[{ required: true, message: '请选择类别' }]}><Select options={categories} /></Form.Item>
        <Form.Item label="年份" name="year" rules={[{ required: true, message: '请填写年份' }]}><InputNumber min={1950} max={2100} /></Form.Item>
        <Form.Item label="主办单位" name="organiser"><Input /></Form.Item>
        <Form.Item label="届次（如 第五届）" name="edition"><Input /></Form.Item>
        <Form.Item label="品牌（如 桐君堂杯）" name="brand"><Input /></Form.Item>
        <Form.Item label="系统（如 市直卫生健康系统）" name="sector"><Input /></Form.Item>
        {mayHost && (
          <Form.Item name="hostedByUnion" valuePropName="checked"><Checkbox>本院工会自己组织的活动</Checkbox></Form.Item>
        )}
        {mayHost && hosted && (
          <Space>
            <Form.Item label="参赛职工人数" name="participants"><InputNumber min={1} max={100000} /></Form.Item>
            <Form.Item label="约数" name="participantsApprox"><Select style={{ width: 120 }} allowClear options={[{ value: 'OVER', label: '余（200余人）' }, { value: 'NEARLY', label: '近（近百人）' }]} /></Form.Item>
          </Space>
        )}
        {problem && <Alert type="error" title={problem} />}
      </Form>
    </Modal>
  );
}
