// What the entry forms share: recipients (people, a department or the institution), the
// outcome banner after saving, and turning form values into mutation input.
import { Alert, Button, Checkbox, Form, Radio, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useMutation } from 'urql';
import { useLookups } from '../../api/lookups';
import { PersonPicker } from '../../components/PersonPicker';
import { graphql } from '../../gql';

export const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);

export function Recipients({ scope, multiple = true, team = false }: { scope: string[] | null; multiple?: boolean; team?: boolean }) {
  const { departments } = useLookups();
  const form = Form.useFormInstance();
  const mode = Form.useWatch('recipientMode', form) ?? 'PEOPLE';
  return (
    <>
      <Form.Item label="获得者" name="recipientMode" initialValue="PEOPLE">
        <Radio.Group
          options={[
            { value: 'PEOPLE', label: multiple ? '个人（可多人）' : '个人' },
            { value: 'DEPARTMENT', label: '科室' },
            { value: 'INSTITUTION', label: '本院' },
          ]}
        />
      </Form.Item>
      {mode === 'PEOPLE' && (
        <Form.Item label="职工" name="people" rules={[{ required: true, message: '请选择职工' }]}>
          <PersonPicker multiple={multiple} scope={scope} />
        </Form.Item>
      )}
      {mode === 'DEPARTMENT' && (
        <Form.Item label="科室" name="departmentId" rules={[{ required: true, message: '请选择科室' }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={departments.map((d) => ({ ...d, disabled: Boolean(scope && !scope.includes(d.code)) }))} />
        </Form.Item>
      )}
      {team && mode !== 'PEOPLE' && (
        <Form.Item name="team" valuePropName="checked">
          <Checkbox>代表队（如 中药剂科代表队、我院代表队）</Checkbox>
        </Form.Item>
      )}
    </>
  );
}

/** The recipient part of an input, from the Recipients fields. */
export function recipientInput(values: { recipientMode?: string; people?: string | string[]; departmentId?: string; team?: boolean }, personField: 'personIds' | 'personId') {
  const mode = values.recipientMode ?? 'PEOPLE';
  if (mode === 'PEOPLE') return { [personField]: personField === 'personIds' ? [values.people ?? []].flat() : values.people ?? null };
  const team = Boolean(values.team);
  return { collective: mode === 'DEPARTMENT' ? { kind: 'DEPARTMENT' as const, departmentId: values.departmentId, team } : { kind: 'INSTITUTION' as const, team } };
}

/** Field names as the server names them, mapped to this form's fields. */
export const FIELD_ALIASES: Record<string, string> = { personIds: 'people', personId: 'people', collective: 'departmentId' };

const SubmitMutation = graphql(`
  mutation SubmitAward($id: ID!) { awardSubmit(input: { id: $id }) { award { id status } userErrors { message } } }
`);
const SubmitHonour = graphql(`
  mutation SubmitHonour($id: ID!) { honourSubmit(input: { id: $id }) { honour { id status } userErrors { message } } }
`);
const SubmitDesignation = graphql(`
  mutation SubmitDesignation($id: ID!) { modelWorkerDesignationSubmit(input: { id: $id }) { designation { id status } userErrors { message } } }
`);
const SubmitDonation = graphql(`
  mutation SubmitDonation($id: ID!) { donationSubmit(input: { id: $id }) { donation { id status } userErrors { message } } }
`);

const SUBMITS = { award: SubmitMutation, honour: SubmitHonour, designation: SubmitDesignation, donation: SubmitDonation };

/** After saving: the draft's fate, with a button to send it for verification. */
export function Saved({ kind, id, onDone }: { kind: keyof typeof SUBMITS; id: string; onDone: () => void }) {
  const [{ fetching }, submit] = useMutation(SUBMITS[kind] as typeof SubmitMutation);
  const [submitted, setSubmitted] = useState<string | null>(null);
  return (
    <Alert
      type="success"
      showIcon
      style={{ marginBottom: 16 }}
      title={submitted ?? '已保存为草稿'}
      action={
        !submitted && (
          <Space>
            <Button
              type="primary"
              loading={fetching}
              onClick={async () => {
                const res = await submit({ id });
                const payload = Object.values(res.data ?? {})[0] as { userErrors: { message: string }[] } | undefined;
                setSubmitted(payload?.userErrors.length ? payload.userErrors.map((e) => e.message).join('；') : '已提交审核');
              }}
            >
              提交审核
            </Button>
            <Button onClick={onDone}>继续录入</Button>
          </Space>
        )
      }
    />
  );
}
